/** The calendar day (YYYY-MM-DD) of `date` in `timeZone`: form defaults and period bounds use the viewer's day, not UTC's. */
export function isoDayIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
