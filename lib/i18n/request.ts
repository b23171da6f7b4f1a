import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { loadMessages } from './messages';
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from './locales';

// The cookie holds the choice (set by the language switch and at sign-in from the user's
// saved preference); otherwise the browser's language; otherwise Japanese.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie)
    ? fromCookie
    : (localeFromAcceptLanguage((await headers()).get('accept-language')) ?? defaultLocale);
  return {
    locale,
    timeZone: 'Asia/Tokyo',
    messages: loadMessages(locale),
    formats: {
      number: { jpy: { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 } },
      dateTime: {
        short: { year: 'numeric', month: 'short', day: 'numeric' },
        long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
      },
    },
  };
});
