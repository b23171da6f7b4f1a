import type { ListingCollection } from '@/db/vocabulary/listings';
import { ImportFileError } from './encoding';
import { MAX_ROWS } from './limits';
import { withDefaults, type Intent, type SourceRow } from './rows';

export type JsonRows = { rows: SourceRow[]; otherKindCount: number; format: 'dataset' | 'native' };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON import. Accepts
 * - the match-eval dataset format (shared/data/match-eval-dev.json): `{version, needs:[…], seeds:[…], judgments}`
 *   with `lang`, `region`, `desiredTrl` / `trl`, `ip {status, jurisdictions}`, `licensing`;
 * - the API's own shape (the fields of POST /api/v1/needs|seeds), as `{needs:[…], seeds:[…]}` or a bare array.
 * Only the chosen kind's items are imported; the other kind's are counted.
 * `row` is the item's 1-based position in its array.
 */
export function jsonRows(text: string, kind: ListingCollection, intent: Intent): JsonRows {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError('json_syntax', { detail: (error as Error).message.slice(0, 200) });
  }
  let items: unknown[];
  let otherKindCount = 0;
  if (Array.isArray(doc)) items = doc;
  else if (isObj(doc) && (Array.isArray(doc.needs) || Array.isArray(doc.seeds))) {
    const other = kind === 'needs' ? doc.seeds : doc.needs;
    items = Array.isArray(doc[kind]) ? (doc[kind] as unknown[]) : [];
    otherKindCount = Array.isArray(other) ? other.length : 0;
  } else throw new ImportFileError('json_shape');
  if (items.length > MAX_ROWS) throw new ImportFileError('too_many_rows', { max: MAX_ROWS, count: items.length });
  if (items.length === 0)
    throw new ImportFileError(otherKindCount > 0 ? 'no_rows_of_kind' : 'no_rows', { other: otherKindCount });
  const dataset = items.some((item) => isObj(item) && ('lang' in item || 'desiredTrl' in item || 'region' in item));
  const rows = items.map((item, i) => ({
    row: i + 1,
    input: !isObj(item)
      ? { _notAnObject: item }
      : dataset
        ? fromDataset(kind, item, intent)
        : { ...withDefaults({ ...item }), intent },
  }));
  return { rows, otherKindCount, format: dataset ? 'dataset' : 'native' };
}

/** A dataset item → the listing schema's input. */
export function fromDataset(kind: ListingCollection, item: Obj, intent: Intent): Obj {
  const base: Obj = {
    intent,
    language: item.lang,
    title: item.title,
    summary: item.summary,
    domain: item.domain,
    keywords: item.keywords ?? [],
    prefecture: item.region ?? '',
    visibility: 'members',
  };
  if (kind === 'needs') return { ...base, trlMin: item.desiredTrl };
  const ip = isObj(item.ip) ? item.ip : {};
  const jurisdictions = Array.isArray(ip.jurisdictions) ? ip.jurisdictions : [];
  // The dataset gives no application/patent numbers. A filed application needs none; a granted
  // patent does, so its jurisdictions are kept in the details instead of inventing a number.
  const ipRecords =
    ip.status === 'filed'
      ? jurisdictions.map((j) => ({ jurisdiction: j, status: 'filed', title: item.title, number: '' }))
      : [];
  const details =
    ip.status === 'granted' && jurisdictions.length
      ? `Patent granted (${jurisdictions.join(', ')}); number to be added.`
      : '';
  return {
    ...base,
    trl: item.trl,
    licensing: item.licensing === undefined ? [] : Array.isArray(item.licensing) ? item.licensing : [item.licensing],
    ipRecords,
    details,
  };
}
