import { createFormatter, createTranslator } from 'next-intl';
import type { Locale } from '@/db/vocabulary/accounts';
import { formats } from './formats';
import { loadMessages } from './messages';

/** A reader outside a request (mail, job, export): their language and time zone. */
export type Reader = { locale: Locale; timeZone: string };

/** The same formatter pages get from getFormatter(), for a reader outside a request. */
export function formatterFor(reader: Reader) {
  return createFormatter({ locale: reader.locale, timeZone: reader.timeZone, formats });
}

/** The same translator pages get from getTranslations(), for a reader outside a request. */
export function translatorFor(reader: Reader) {
  return createTranslator({
    locale: reader.locale,
    timeZone: reader.timeZone,
    formats,
    messages: loadMessages(reader.locale),
  });
}
