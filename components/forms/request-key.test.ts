import { describe, expect, it } from 'vitest';
import { z } from '@/lib/validation/messages';
import { newRequestKey } from './request-key';

describe('a form’s request key', () => {
  it('is a UUID the server’s schema accepts, new every time', () => {
    const keys = Array.from({ length: 200 }, newRequestKey);
    for (const key of keys) expect(z.uuid().safeParse(key).success, key).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
