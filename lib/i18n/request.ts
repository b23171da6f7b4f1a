import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getViewer } from '@/lib/auth/session';
import { DEFAULT_TIME_ZONE } from '@/db/vocabulary/accounts';
import { formats } from './formats';
import { loadMessages } from './messages';
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from './locales';

// The cookie holds the choice (set by the language switch and at sign-in from the user's
// saved preference); otherwise the browser's language; otherwise Japanese. Times are shown
// in the signed-in user's own zone (account page), visitors see Japan time.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie)
    ? fromCookie
    : (localeFromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLocale);
  const viewer = await getViewer();
  return {
    locale,
    timeZone: viewer?.timeZone ?? DEFAULT_TIME_ZONE,
    messages: loadMessages(locale),
    formats,
  };
});
