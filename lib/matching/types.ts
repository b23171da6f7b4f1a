/** Input shapes, mirroring the match-eval dataset (and the future DB rows). */

export type Lang = 'en' | 'ja';
export type IpStatus = 'none' | 'filed' | 'granted';
export type Licensing = 'exclusive' | 'non_exclusive' | 'joint_research';

export interface MatchText {
  id: string;
  lang?: Lang | string | null;
  title: string;
  summary?: string | null;
  keywords?: readonly string[] | null;
  domain?: string | null;
  region?: string | null;
  /** ISO date or Date of last update (optional, for freshness) */
  updatedAt?: string | Date | null;
}

export interface NeedInput extends MatchText {
  desiredTrl?: number | null;
}

export interface SeedInput extends MatchText {
  trl?: number | null;
  ip?: { status?: IpStatus | string | null; jurisdictions?: readonly string[] | null } | null;
  licensing?: Licensing | string | null;
}
