/**
 * Values put into a message written for someone else, later or elsewhere (a notification shown
 * when they open it, a mail rendered for the recipient). A string starting with `@` is a message
 * key (`@introductions.declineReasons.too_early`), translated into the reader's language; a Date
 * is formatted by the message in the reader's zone (`{deadline, date, short}`).
 */
export type MessageParams = Record<string, string | number | Date>;

/** How params are kept in JSON (notifications.params): a Date as `{ "$date": ISO string }`. */
export type StoredMessageParams = Record<string, string | number | { $date: string }>;

export function storeParams(params: MessageParams): StoredMessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, v instanceof Date ? { $date: v.toISOString() } : v]),
  );
}

/** Params ready for the reader's translator: keys translated, stored dates revived. */
export function resolveParams(
  params: StoredMessageParams | MessageParams,
  translate: (key: string) => string,
): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      if (typeof v === 'string') {
        if (v.startsWith('@')) return [k, translate(v.slice(1))];
        // notifications written before dates were stored as dates: '2026-12-18', '2026-12-17 05:00 UTC'
        const legacy = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}) UTC)?$/.exec(v);
        if (legacy) return [k, new Date(`${legacy[1]}T${legacy[2] ?? '00:00'}:00Z`)];
        return [k, v];
      }
      if (typeof v === 'number' || v instanceof Date) return [k, v];
      return [k, new Date(v.$date)];
    }),
  );
}
