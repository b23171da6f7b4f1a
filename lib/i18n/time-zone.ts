// Calendar arithmetic in a reader's time zone, with Intl only (no zone tables of our own).
// Displaying goes through the formatter (lib/i18n/formats.ts); these answer "which day is it
// there" and "which instant is 14:00 there".

/** An IANA zone name this runtime knows (Asia/Tokyo, Europe/Berlin, UTC…). */
export function isTimeZone(value: string): boolean {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string) {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone: "today" for a form default or a file name. */
export function calendarDayIn(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${w.month}-${w.day}`;
}

/** The wall-clock time of an instant in a zone, `2026-12-17 14:00` (CSV cells: a layout, not prose). */
export function wallTimeIn(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${w.month}-${w.day} ${two(w.hour)}:${two(w.minute)}`;
}

/** A stored calendar date (YYYY-MM-DD) as the value the `day` format shows unchanged in every zone. */
export function calendarDay(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`);
}

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(Number(w.year), Number(w.month) - 1, Number(w.day), w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time (YYYY-MM-DDTHH:mm, as a datetime-local field gives it) means in
 * a zone: 2026-12-17T14:00 in Asia/Tokyo is 05:00 UTC, whatever zone the browser is in.
 */
export function instantAt(wallTime: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(wallTime);
  if (!m) return new Date(Number.NaN);
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  const first = asUtc - offsetAt(asUtc, timeZone);
  // across a daylight-saving change the offset at the answer can differ from the first guess
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(second);
}

/** Every zone this runtime knows, as choices labelled with their current offset: "Asia/Tokyo (GMT+9)". */
export function timeZoneChoices(now = new Date()): { value: string; label: string }[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  return [...zones].sort().map((zone) => {
    const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(now)
      .find((p) => p.type === 'timeZoneName')?.value;
    return { value: zone, label: `${zone.replaceAll('_', ' ')} (${offset ?? zone})` };
  });
}
