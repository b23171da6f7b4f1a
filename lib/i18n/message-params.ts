/**
 * Values put into a message written for someone else, later or elsewhere (a notification shown
 * when they open it, a mail rendered for the recipient). A message key is `messageKey('ns.key')`,
 * translated into the reader's language; a Date is formatted by the message in the reader's zone
 * (`{deadline, date, short}`); a string is text as the user typed it, never interpreted (a name
 * like "@admin" stays "@admin").
 */
export type MessageKey = { $key: string };
export type MessageParams = Record<string, string | number | Date | MessageKey>;

export const messageKey = (key: string): MessageKey => ({ $key: key });

/** How params are kept in JSON (notifications.params): a Date as `{ "$date": ISO string }`. */
export type StoredMessageParams = Record<string, string | number | { $date: string } | MessageKey>;

// Notifications stored before keys were objects wrote them as '@ns.key' strings; text starting
// with '@' is therefore stored with one more '@', so revive can tell the two apart.
export function storeParams(params: MessageParams): StoredMessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      v instanceof Date ? { $date: v.toISOString() } : typeof v === 'string' && v.startsWith('@') ? `@${v}` : v,
    ]),
  );
}

const isKey = (v: unknown): v is MessageKey => typeof v === 'object' && v !== null && '$key' in v;

/** Stored params back to live ones: dates revived, keys (and legacy '@ns.key' strings) as keys, text unescaped. */
export function reviveParams(params: StoredMessageParams): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]): [string, MessageParams[string]] => {
      if (typeof v === 'string') {
        if (v.startsWith('@@')) return [k, v.slice(1)];
        if (v.startsWith('@')) return [k, messageKey(v.slice(1))];
        // notifications written before dates were stored as dates: '2026-12-18', '2026-12-17 05:00 UTC'
        const legacy = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}) UTC)?$/.exec(v);
        if (legacy) return [k, new Date(`${legacy[1]}T${legacy[2] ?? '00:00'}:00Z`)];
        return [k, v];
      }
      if (typeof v === 'number' || isKey(v)) return [k, v];
      return [k, new Date(v.$date)];
    }),
  );
}

/** Params ready for the reader's translator: keys translated; text and dates as they are. */
export function resolveParams(
  params: MessageParams,
  translate: (key: string) => string,
): Record<string, string | number | Date> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isKey(v) ? translate(v.$key) : v]));
}
