import { describe, expect, it } from 'vitest';
import { buildDigest, isDue, newItems, searchUrl } from './digest';

const now = new Date('2026-11-24T09:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('isDue', () => {
  it('daily after about a day, weekly after about a week, never never', () => {
    expect(isDue('daily', hoursAgo(24), now)).toBe(true);
    expect(isDue('daily', hoursAgo(23.6), now)).toBe(true); // hourly runs do not drift by a day
    expect(isDue('daily', hoursAgo(20), now)).toBe(false);
    expect(isDue('weekly', hoursAgo(24 * 6), now)).toBe(false);
    expect(isDue('weekly', hoursAgo(24 * 7), now)).toBe(true);
    expect(isDue('never', hoursAgo(24 * 365), now)).toBe(false);
  });
});

describe('newItems', () => {
  it('keeps only listings published since the last digest', () => {
    const items = [
      { id: 'a', title: 'A', summary: '', publishedAt: hoursAgo(1) },
      { id: 'b', title: 'B', summary: '', publishedAt: hoursAgo(30) },
      { id: 'c', title: 'C', summary: '', publishedAt: null },
    ];
    expect(newItems(items, hoursAgo(24), now).map((i) => i.id)).toEqual(['a']);
  });
});

describe('buildDigest', () => {
  const search = {
    id: 's1',
    name: '固体電解質',
    kind: 'seeds' as const,
    query: { q: '固体電解質', domain: 'environment_energy' },
  };

  it('is null when nothing is new', () => {
    expect(buildDigest({ search, items: [], more: false, appUrl: 'https://cm.example' })).toBeNull();
  });

  it('lists up to ten listings with links and counts the rest', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      id: `id${i}`,
      title: `Seed ${i}\n<b>x</b>`,
      summary: 'word '.repeat(50),
      publishedAt: hoursAgo(1),
    }));
    const digest = buildDigest({ search, items, more: false, appUrl: 'https://cm.example' })!;
    expect(digest.count).toBe('12+');
    expect(digest.list.split('\n\n')).toHaveLength(10);
    expect(digest.list).toContain('• Seed 0 <b>x</b>'); // plain text mail: shown as typed
    expect(digest.list).toContain('https://cm.example/seeds/id0');
    expect(digest.list).toContain('…');
    expect(digest.link).toBe(
      'https://cm.example/seeds?q=%E5%9B%BA%E4%BD%93%E9%9B%BB%E8%A7%A3%E8%B3%AA&domain=environment_energy&sort=newest',
    );
    expect(digest.manage).toBe('https://cm.example/account/searches');
  });

  it('says "+" when the search page was full', () => {
    expect(
      buildDigest({ search, items: [{ id: 'a', title: 'A', summary: 's', publishedAt: now }], more: true, appUrl: '' })!
        .count,
    ).toBe('1+');
  });
});

describe('searchUrl', () => {
  it('repeats array values', () => {
    expect(searchUrl('', 'needs', { q: 'a b', licensing: ['x', 'y'] })).toBe(
      '/needs?q=a+b&licensing=x&licensing=y&sort=newest',
    );
  });
});
