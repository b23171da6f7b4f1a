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

/** A translator over the whole catalogue: getTranslations() on a page, translatorFor(reader) elsewhere. */
export type CatalogueTranslator = ((key: never, values?: never) => string) & { has: (key: never) => boolean };

/** A translator called with keys built at run time (mail templates, stored notification kinds, keys that zod and AppError carry). */
export type KeyTranslator = ((key: string, values?: Record<string, string | number | Date>) => string) & {
  has: (key: string) => boolean;
};

/**
 * The one way to call a translator with a run-time key: next-intl types keys against the catalogue,
 * which such keys cannot be checked against; a missing key renders as the key itself.
 */
export const byKey = (t: CatalogueTranslator): KeyTranslator => t as unknown as KeyTranslator;
