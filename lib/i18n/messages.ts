import fs from 'node:fs';
import path from 'node:path';
import type { AbstractIntlMessages } from 'next-intl';
import type { Locale } from '@/db/vocabulary/accounts';

/** Untyped on purpose: keys are built at run time (lib/i18n/formatter.ts KeyTranslator). */
type Messages = AbstractIntlMessages;
const cache = new Map<Locale, Messages>();

/**
 * Each feature keeps its strings in messages/<locale>/<feature>.json (top-level keys are
 * namespaces); they are merged here so features don't edit one shared file.
 */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === 'production') return cached;
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), 'messages', locale);
  const merged: Messages = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const content = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Messages;
    for (const [namespace, value] of Object.entries(content)) {
      if (namespace in merged) throw new Error(`messages/${locale}/${file}: namespace "${namespace}" is defined twice`);
      merged[namespace] = value;
    }
  }
  cache.set(locale, merged);
  return merged;
}
