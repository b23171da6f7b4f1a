/**
 * Saved-search digests: which searches are due, and the text of one digest. Pure (no
 * database), so it is unit-tested; lib/saved-searches/run.ts does the querying and sending.
 */
export type Frequency = 'daily' | 'weekly' | 'never';
export type DigestItem = { id: string; title: string; summary: string; publishedAt: Date | null };

const HOUR = 3_600_000;
/** A little slack so an hourly run does not drift a digest by a whole period. */
const PERIOD: Record<Exclude<Frequency, 'never'>, number> = {
  daily: 24 * HOUR - HOUR / 2,
  weekly: 7 * 24 * HOUR - HOUR / 2,
};

export function isDue(frequency: Frequency, lastDigestAt: Date, now: Date): boolean {
  if (frequency === 'never') return false;
  return now.getTime() - lastDigestAt.getTime() >= PERIOD[frequency];
}

/** The cut-off of "since your last digest" for a SQL filter (the due searches were last sent before it). */
export function dueBefore(frequency: Exclude<Frequency, 'never'>, now: Date): Date {
  return new Date(now.getTime() - PERIOD[frequency]);
}

/** Only listings published after the last digest (and not later than now) are new. */
export function newItems<T extends DigestItem>(items: T[], lastDigestAt: Date, now: Date): T[] {
  return items.filter((i) => i.publishedAt && i.publishedAt > lastDigestAt && i.publishedAt <= now);
}

export const MAX_DIGEST_ITEMS = 10;

/** Browse-page URL of a saved query (so the mail link shows the same results). */
export function searchUrl(appUrl: string, kind: 'needs' | 'seeds', query: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  params.set('sort', 'newest');
  return `${appUrl}/${kind}?${params.toString()}`;
}

/** Mail parameters of one digest: the count, up to 10 listings as text lines, links. Null when nothing is new. */
export function buildDigest(input: {
  search: { id: string; name: string; kind: 'needs' | 'seeds'; query: Record<string, string | string[]> };
  items: DigestItem[];
  /** true when the search returned a full page, so there may be more new listings than shown */
  more: boolean;
  appUrl: string;
}): { count: string; list: string; link: string; manage: string; search: string } | null {
  const { search, items, appUrl } = input;
  if (items.length === 0) return null;
  const shown = items.slice(0, MAX_DIGEST_ITEMS);
  const list = shown
    .map((i) => {
      const summary = i.summary.replace(/\s+/g, ' ').trim();
      return `• ${i.title.replace(/\s+/g, ' ').trim()}\n  ${summary.length > 140 ? `${summary.slice(0, 140)}…` : summary}\n  ${appUrl}/${search.kind}/${i.id}`;
    })
    .join('\n\n');
  const count = input.more || items.length > shown.length ? `${items.length}+` : String(items.length);
  return {
    count,
    list,
    link: searchUrl(appUrl, search.kind, search.query),
    manage: `${appUrl}/account/searches`,
    search: search.name,
  };
}
