import { describe, expect, it } from 'vitest';
import { currentHref } from '@/components/layout/current-href';

describe('currentHref', () => {
  const admin = ['/admin', '/admin/organisations', '/admin/users'];
  it('picks the longest matching prefix, on segment boundaries only', () => {
    expect(currentHref('/admin', admin)).toBe('/admin');
    expect(currentHref('/admin/users/123', admin)).toBe('/admin/users');
    expect(currentHref('/administrators', admin)).toBeUndefined();
    expect(currentHref('/coordinator/matches', ['/coordinator', '/coordinator/matches', '/coordinator/reviews'])).toBe(
      '/coordinator/matches',
    );
    expect(currentHref('/home', admin)).toBeUndefined();
  });
});
