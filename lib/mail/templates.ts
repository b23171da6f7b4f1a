import { createTranslator } from 'next-intl';
import { env } from '@/lib/env';
import { loadMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/db/vocabulary/accounts';

export type MailParams = Record<string, string | number>;

/**
 * Renders `mail.<template>.subject` and `.body` from messages/<locale>/mail.json. Params are
 * plain strings (ICU placeholders); `{appUrl}` is always available for links.
 */
export function renderMail(template: string, locale: Locale, params: MailParams): { subject: string; text: string } {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: 'mail' });
  const root = createTranslator({ locale, messages: loadMessages(locale) });
  // a param written `@ns.key` is a message key, translated into the recipient's language
  const translated = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' && v.startsWith('@') ? (root(v.slice(1) as never) as string) : v,
    ]),
  );
  const all = { appUrl: appUrl(), ...translated };
  const key = template as never;
  const subject = t(`${key}.subject` as never, all as never) as string;
  const body = t(`${key}.body` as never, all as never) as string;
  const footer = t('footer' as never, all as never) as string;
  return { subject, text: `${body}\n\n--\n${footer}\n` };
}

export function appUrl(): string {
  return (env().APP_URL ?? 'http://localhost:3000').replace(/\/$/, '');
}
