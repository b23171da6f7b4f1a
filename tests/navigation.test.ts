import { describe, expect, it } from 'vitest';
import { currentHref } from '@/components/layout/current-href';

describe('currentHref', () => {
  const items = ['/home', '/introductions', '/introductions/queue', '/users'];
  it('picks the longest matching prefix, on segment boundaries only', () => {
    expect(currentHref('/home', items)).toBe('/home');
    expect(currentHref('/users/123', items)).toBe('/users');
    expect(currentHref('/userships', items)).toBeUndefined();
    expect(currentHref('/introductions/queue', items)).toBe('/introductions/queue');
    expect(currentHref('/introductions/42', items)).toBe('/introductions');
    expect(currentHref('/account', items)).toBeUndefined();
  });
});
