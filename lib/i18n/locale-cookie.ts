import 'server-only';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE } from './locales';
import type { Locale } from '@/db/vocabulary/accounts';

/** Remembers the language choice in this browser for a year (read by lib/i18n/request.ts). */
export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}
