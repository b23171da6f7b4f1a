import { resolveParams, reviveParams, type StoredMessageParams } from '@/lib/i18n/message-params';

/** A translator over the whole catalogue: getTranslations() on a page, translatorFor(reader) elsewhere. */
type Translate = ((key: never, values?: never) => string) & { has: (key: never) => boolean };

/** Params that notifications stored before they existed lack (introductions named by `about`: lib/introductions/titles). */
const LEGACY_DEFAULTS: StoredMessageParams = { about: 'pair', other: '' };

/** A notification's sentence in the reader's language, its dates in the reader's zone. */
export function notificationText(t: Translate, n: { kind: string; params: StoredMessageParams }): string {
  const key = `notifications.kinds.${n.kind}`;
  if (!t.has(key as never)) return n.kind;
  return t(
    key as never,
    resolveParams(reviveParams({ ...LEGACY_DEFAULTS, ...n.params }), (k) => t(k as never)) as never,
  );
}
