/** Pure rules of a listing (need or seed): status lifecycle, expiry, completeness. */
import type { ListingKind, ListingStatus } from '@/db/vocabulary/listings';

export type TransitionActor = 'owner' | 'coordinator';

export type Transition =
  | 'submit' // owner sends a draft (or an edited open listing) for review
  | 'withdraw' // owner takes a listing back out of review
  | 'publish' // coordinator publishes
  | 'send_back' // coordinator returns it with a comment
  | 'close' // owner closes with a reason
  | 'reopen' // owner asks to publish a closed listing again (goes through review)
  | 'archive';

/** The lifecycle as data: from-status → transition → { to, who may do it }. */
export const TRANSITIONS: Record<
  ListingStatus,
  Partial<Record<Transition, { to: ListingStatus; by: TransitionActor[] }>>
> = {
  draft: {
    submit: { to: 'pending_review', by: ['owner', 'coordinator'] },
    archive: { to: 'archived', by: ['owner'] },
  },
  pending_review: {
    publish: { to: 'open', by: ['coordinator'] },
    send_back: { to: 'draft', by: ['coordinator'] },
    withdraw: { to: 'draft', by: ['owner'] },
  },
  open: {
    submit: { to: 'pending_review', by: ['owner', 'coordinator'] }, // edited: reviewed again
    close: { to: 'closed', by: ['owner', 'coordinator'] },
  },
  closed: {
    reopen: { to: 'pending_review', by: ['owner'] },
    archive: { to: 'archived', by: ['owner', 'coordinator'] },
  },
  archived: {},
};

/** Target status of a transition, or null when it is not allowed from `from` for `actor`. */
export function nextStatus(from: ListingStatus, transition: Transition, actor: TransitionActor): ListingStatus | null {
  const t = TRANSITIONS[from][transition];
  return t?.by.includes(actor) ? t.to : null;
}

/** Statuses from which `transition` is possible (for the conditional UPDATE's WHERE). */
export function statusesAllowing(transition: Transition, actor: TransitionActor): ListingStatus[] {
  return (Object.keys(TRANSITIONS) as ListingStatus[]).filter((s) => nextStatus(s, transition, actor) !== null);
}

/** Owners may edit their listing's content in these statuses. */
export const EDITABLE_STATUSES: readonly ListingStatus[] = ['draft', 'pending_review', 'open'];

// ---- export ----

/** A CSV export holds at most this many results (the first of the search, in its order); the UI says so. */
export const MAX_EXPORT_ROWS = 10_000;

// ---- expiry ----

export const LISTING_LIFETIME_MONTHS = 12;
export const EXPIRY_WARNING_DAYS = 30;
/** Owners are reminded this many days before their listing expires (once each). */
export const EXPIRY_REMINDER_DAYS: readonly number[] = [14, 3];
export const DAY = 24 * 60 * 60 * 1000;

export function expiryFrom(now: Date): Date {
  const d = new Date(now);
  d.setMonth(d.getMonth() + LISTING_LIFETIME_MONTHS);
  return d;
}

export function isExpired(expiresAt: Date, now: Date = new Date()): boolean {
  return expiresAt.getTime() <= now.getTime();
}

export function expiresSoon(expiresAt: Date, now: Date = new Date()): boolean {
  return !isExpired(expiresAt, now) && expiresAt.getTime() - now.getTime() <= EXPIRY_WARNING_DAYS * DAY;
}

/** Renewal is allowed once a listing is within the warning window or already expired. */
export function canRenew(status: ListingStatus, expiresAt: Date, now: Date = new Date()): boolean {
  return status === 'open' && (isExpired(expiresAt, now) || expiresSoon(expiresAt, now));
}

// ---- completeness ----

export type CompletenessInput = {
  kind: ListingKind;
  title?: string;
  summary?: string;
  details?: string;
  keywords?: readonly string[];
  // need
  trlMin?: number | null;
  trlMax?: number | null;
  budgetMinJpy?: number | null;
  budgetMaxJpy?: number | null;
  timeline?: string | null;
  partnerKinds?: readonly string[];
  // seed
  trl?: number | null;
  advantages?: string | null;
  licensing?: readonly string[];
  ipRecords?: ReadonlyArray<{ status?: string }>;
};

export type CompletenessCheck = { key: string; met: boolean; weight: number };
export type Completeness = { score: number; checks: CompletenessCheck[]; advice: string[] };

const JA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN = /[A-Za-z]/;
// "30% lower", "2倍", "10x", "-40 °C", "5 µm": a number with a unit or comparison
const QUANTIFIED =
  /\d+(?:[.,]\d+)?\s*(?:%|％|倍|x\b|×|times|fold|割|℃|°|[µu]m|nm|mm|cm|kg|g\b|mw|kw|w\b|v\b|h\b|時間|分|秒|円|yen|ppm|db|hz)/iu;

/** Japanese is denser than English: a useful summary needs fewer characters. */
function minSummaryLength(text: string): number {
  return JA.test(text) ? 80 : 150;
}

/**
 * Completeness score (0–100) with the advice keys of the unmet checks, most important first.
 * Vague listings are the main reason buyers decline, so the advice is concrete.
 */
export function completeness(input: CompletenessInput): Completeness {
  const summary = input.summary?.trim() ?? '';
  const keywords = input.keywords ?? [];
  const checks: CompletenessCheck[] = [
    { key: 'title', met: (input.title?.trim().length ?? 0) >= 10, weight: 1 },
    { key: 'summary_length', met: summary.length >= minSummaryLength(summary), weight: 2 },
    { key: 'details', met: (input.details?.trim().length ?? 0) >= 200, weight: 1 },
    { key: 'keywords_count', met: keywords.length >= 3, weight: 1 },
    {
      key: 'keywords_bilingual',
      met: keywords.some((k) => JA.test(k)) && keywords.some((k) => LATIN.test(k) && !JA.test(k)),
      weight: 2,
    },
  ];
  if (input.kind === 'need') {
    checks.push(
      { key: 'need_trl', met: input.trlMin != null || input.trlMax != null, weight: 1 },
      { key: 'need_budget', met: input.budgetMinJpy != null || input.budgetMaxJpy != null, weight: 1 },
      { key: 'need_timeline', met: (input.timeline?.trim().length ?? 0) > 0, weight: 1 },
      { key: 'need_partners', met: (input.partnerKinds?.length ?? 0) > 0, weight: 1 },
      { key: 'need_quantified', met: QUANTIFIED.test(`${summary} ${input.details ?? ''}`), weight: 2 },
    );
  } else {
    checks.push(
      { key: 'seed_trl', met: input.trl != null, weight: 2 },
      {
        key: 'seed_ip',
        met: (input.ipRecords?.length ?? 0) > 0 && input.ipRecords!.every((r) => !!r.status),
        weight: 2,
      },
      { key: 'seed_licensing', met: (input.licensing?.length ?? 0) > 0, weight: 1 },
      { key: 'seed_advantages', met: (input.advantages?.trim().length ?? 0) >= 40, weight: 1 },
      { key: 'seed_quantified', met: QUANTIFIED.test(input.advantages ?? ''), weight: 2 },
    );
  }
  const total = checks.reduce((s, c) => s + c.weight, 0);
  const got = checks.reduce((s, c) => s + (c.met ? c.weight : 0), 0);
  const advice = checks
    .filter((c) => !c.met)
    .sort((a, b) => b.weight - a.weight)
    .map((c) => c.key);
  return { score: Math.round((got / total) * 100), checks, advice };
}

/** The strongest IP status among a seed's records (kept in `seeds.ip_status` for filtering). */
export function strongestIpStatus<S extends string>(statuses: readonly S[]): S | null {
  const order = ['granted', 'filed', 'unpublished_application', 'expired'];
  const sorted = [...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return sorted[0] ?? null;
}
