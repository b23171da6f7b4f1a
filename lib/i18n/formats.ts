import type { Formats } from 'next-intl';

/**
 * The one way dates, times and numbers reach a reader: next-intl's formatter (getFormatter /
 * useFormatter on pages, formatterFor / translatorFor in mails, jobs and exports) in the
 * reader's language and time zone, with these named formats. Messages use the same names:
 * `{deadline, date, short}`. No page, mail or file hand-formats an ISO string.
 *
 *   short  a day of an instant          2026年12月17日 / Dec 17, 2026
 *   long   day and time of an instant   2026年12月17日 14:00 / Dec 17, 2026, 14:00
 *   zoned  long with the zone's name    2026年12月17日 14:00 JST / Dec 17, 2026, 14:00 GMT+9
 *          (meetings, deadlines: what two people in different zones must agree on)
 *   time   time of day                  14:00
 *   day    a calendar date stored without a time (Postgres `date`: NDA expiry, outcome date),
 *          given as calendarDay('2026-12-04'); never shifted by a zone
 */
export const formats = {
  number: { jpy: { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 } },
  dateTime: {
    short: { year: 'numeric', month: 'short', day: 'numeric' },
    long: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    zoned: {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    },
    time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    day: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  },
} as const satisfies Formats;
