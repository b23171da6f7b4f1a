/** Input shapes, mirroring the match-eval dataset (and the future DB rows). */
import type { AcceptableTerms, OfferedTerms } from './licence-fit';

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
  /** licensing terms the need can accept (compared with a seed's in the reasons) */
  acceptTerms?: AcceptableTerms | null;
}

export interface SeedInput extends MatchText {
  trl?: number | null;
  ip?: { status?: IpStatus | string | null; jurisdictions?: readonly string[] | null } | null;
  licensing?: Licensing | string | null;
  /** structured licensing terms offered */
  licenceTerms?: OfferedTerms | null;
}
