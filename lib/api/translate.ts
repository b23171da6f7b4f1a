import { createTranslator, type Messages } from 'next-intl';
import type { KeyTranslator } from '@/lib/i18n/formatter';
import { loadMessages } from '@/lib/i18n/messages';
import { parseMessage } from '@/lib/validation/messages';

type Locale = 'ja' | 'en';
const translators = new Map<Locale, KeyTranslator>();

/** Translates a message key (`ns.key?param=value`, as zod and AppError carry them) outside React. */
export function translateKey(locale: Locale, message: string): string {
  let t = translators.get(locale);
  if (!t || process.env.NODE_ENV !== 'production') {
    t = createTranslator<Messages>({
      locale,
      messages: loadMessages(locale),
      onError: () => {},
      getMessageFallback: ({ key, namespace }) => (namespace ? `${namespace}.${key}` : key),
    });
    translators.set(locale, t);
  }
  const { key, params } = parseMessage(message);
  return t(key, params);
}

export function translateFields(locale: Locale, fields: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, messages]) => [field, messages.map((m) => translateKey(locale, m))]),
  );
}
