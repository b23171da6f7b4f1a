import { describe, expect, it } from 'vitest';
import { calendarDay, calendarDayIn, instantAt, isTimeZone, wallTimeIn } from './time-zone';

describe('time zones', () => {
  it('knows IANA zones and refuses the rest', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('gives the day an instant falls on in the zone, not in UTC', () => {
    // 2026-12-04 16:30 UTC is already 12-05 in Japan (the outcome date bug of issue 16)
    const instant = new Date('2026-12-04T16:30:00Z');
    expect(calendarDayIn(instant, 'Asia/Tokyo')).toBe('2026-12-05');
    expect(calendarDayIn(instant, 'UTC')).toBe('2026-12-04');
    expect(calendarDayIn(instant, 'America/Los_Angeles')).toBe('2026-12-04');
  });

  it('writes the wall-clock time in the zone', () => {
    expect(wallTimeIn(new Date('2026-12-17T05:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-17 14:00');
    expect(wallTimeIn(new Date('2026-12-16T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-17 00:00');
  });

  it('reads a wall-clock time in the zone', () => {
    expect(instantAt('2026-12-17T14:00', 'Asia/Tokyo').toISOString()).toBe('2026-12-17T05:00:00.000Z');
    expect(instantAt('2026-12-17T14:00', 'Europe/Berlin').toISOString()).toBe('2026-12-17T13:00:00.000Z');
    // summer time in Berlin (UTC+2), and the day the clocks change in New York
    expect(instantAt('2026-07-01T09:30', 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(instantAt('2026-03-08T12:00', 'America/New_York').toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(Number.isNaN(instantAt('nonsense', 'Asia/Tokyo').getTime())).toBe(true);
  });

  it('keeps a calendar date the same day', () => {
    expect(calendarDay('2026-12-04').toISOString()).toBe('2026-12-04T00:00:00.000Z');
  });
});
