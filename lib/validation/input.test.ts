import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { needSchema, searchParamsSchema } from '@/lib/listings/validation';
import { formDataObject, nulFieldErrors, parseInput } from './input';
import { z } from './messages';

describe('NUL characters (Postgres cannot store U+0000)', () => {
  it('names every field holding one, nested and in arrays, and nothing else', () => {
    expect(
      nulFieldErrors({ title: 'a\u0000b', summary: 'ok', keywords: ['x', '\u0000'], ip: [{ n: 'z\u0000' }] }),
    ).toEqual({ title: ['validation.nul'], 'keywords.1': ['validation.nul'], 'ip.0.n': ['validation.nul'] });
    expect(nulFieldErrors({ title: 'ふつうの文章', n: 3, list: ['a'], none: null })).toBeNull();
    const form = new FormData();
    form.set('email', 'a@b.example\u0000');
    expect(nulFieldErrors(form)).toEqual({ email: ['validation.nul'] });
  });

  it('a server action refuses it as a field error beside the schema’s own errors', () => {
    const schema = z.object({ title: z.string().max(5), summary: z.string() });
    let caught: unknown;
    try {
      parseInput(schema, { title: 'far too long', summary: 'bad\u0000' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('invalid');
    expect((caught as AppError).fieldErrors).toEqual({
      title: ['validation.too_long?maximum=5'],
      summary: ['validation.nul'],
    });
    expect(() => parseInput(needSchema, { title: 'x\u0000' })).toThrow(AppError);
  });

  it('a search box with a NUL is ignored like any malformed filter', () => {
    expect(searchParamsSchema.parse({ q: '電\u0000' }).q).toBeUndefined();
    expect(searchParamsSchema.parse({ q: '電' }).q).toBe('電');
  });
});

describe('a form posted without JavaScript', () => {
  it('becomes the object the schema expects: nested names, empty fields left out, framework fields dropped', () => {
    const form = new FormData();
    form.set('$ACTION_ID_abc', '');
    form.set('email', 'a@b.example');
    form.set('organisation.kind', 'sme');
    form.set('organisation.website', '');
    form.append('keywords', 'x');
    form.append('keywords', 'y');
    expect(formDataObject(form)).toEqual({ email: 'a@b.example', organisation: { kind: 'sme' }, keywords: ['x', 'y'] });
  });

  it('a posted name cannot reach Object.prototype (__proto__, constructor, prototype are dropped)', () => {
    const form = new FormData();
    form.append('__proto__.polluted', 'yes');
    form.append('constructor.prototype.polluted', 'yes');
    form.append('a.__proto__.polluted', 'yes');
    form.append('constructor', 'x');
    form.append('name', 'kept');
    expect(formDataObject(form)).toEqual({ name: 'kept' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
