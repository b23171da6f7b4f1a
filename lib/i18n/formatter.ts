import { createFormatter, createTranslator, type Messages } from 'next-intl';
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
  // the catalogue's type is next-intl's default (any key), as for getTranslations(): keys are not typed
  return createTranslator<Messages>({
    locale: reader.locale,
    timeZone: reader.timeZone,
    formats,
    messages: loadMessages(reader.locale),
  });
}

/**
 * A translator called with keys built at run time (mail templates, stored notification kinds, keys that
 * zod and AppError carry). Our catalogue is not typed into next-intl (AppConfig declares formats only),
 * so every translator — getTranslations(), useTranslations(), translatorFor(reader) — is one; a missing
 * key renders as the key itself.
 */
export type KeyTranslator = ((key: string, values?: Record<string, string | number | Date>) => string) & {
  has: (key: string) => boolean;
};

/** The translator as a KeyTranslator (a checked conversion: it fails to compile if the catalogue becomes typed). */
export const byKey = (t: KeyTranslator): KeyTranslator => t;
