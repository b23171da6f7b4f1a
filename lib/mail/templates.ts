import { env } from '@/lib/env';
import { type Reader, translatorFor } from '@/lib/i18n/formatter';
import { type MessageParams, resolveParams } from '@/lib/i18n/message-params';

/**
 * Renders `mail.<template>.subject` and `.body` from messages/<locale>/mail.json for the
 * recipient: their language, dates in their time zone (lib/i18n/message-params says how
 * params are written). `{appUrl}` is always available for links.
 */
export function renderMail(template: string, reader: Reader, params: MessageParams): { subject: string; text: string } {
  const t = translatorFor(reader);
  const all = { appUrl: appUrl(), ...resolveParams(params, (key) => t(key)) };
  const subject = t(`mail.${template}.subject`, all);
  const body = t(`mail.${template}.body`, all);
  const footer = t('mail.footer', all);
  return { subject, text: `${body}\n\n--\n${footer}\n` };
}

export function appUrl(): string {
  return (env().APP_URL ?? 'http://localhost:3000').replace(/\/$/, '');
}
