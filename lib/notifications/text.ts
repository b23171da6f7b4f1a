import type { KeyTranslator } from '@/lib/i18n/formatter';
import { resolveParams, reviveParams, type StoredMessageParams } from '@/lib/i18n/message-params';

/** Params that notifications stored before they existed lack (introductions named by `about`: lib/introductions/titles). */
const LEGACY_DEFAULTS: StoredMessageParams = { about: 'pair', other: '' };

/** A notification's sentence in the reader's language, its dates in the reader's zone. */
export function notificationText(t: KeyTranslator, n: { kind: string; params: StoredMessageParams }): string {
  const key = `notifications.kinds.${n.kind}`;
  if (!t.has(key)) return n.kind;
  return t(
    key,
    resolveParams(reviveParams({ ...LEGACY_DEFAULTS, ...n.params }), (k) => t(k)),
  );
}
