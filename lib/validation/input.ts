import type { ZodType } from 'zod';
import { AppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation/messages';

/**
 * Postgres text cannot hold U+0000, so a NUL anywhere in what a client sends would fail the
 * query (a 500). Every boundary refuses it first: each string containing one is a field error.
 */
const NUL = '\u0000';
export const NUL_MESSAGE = 'validation.nul';

/** Field errors (dotted path → [NUL_MESSAGE]) for every string holding a NUL in a plain value, or null. */
export function nulFieldErrors(input: unknown): Record<string, string[]> | null {
  const out: Record<string, string[]> = {};
  const walk = (value: unknown, path: string[], depth: number) => {
    if (typeof value === 'string') {
      if (value.includes(NUL)) out[path.length ? path.join('.') : '_form'] = [NUL_MESSAGE];
      return;
    }
    if (depth > 32 || value === null || typeof value !== 'object') return;
    const entries =
      value instanceof FormData || value instanceof URLSearchParams
        ? [...value.entries()]
        : Array.isArray(value)
          ? Array.from(value, (v, i) => [String(i), v] as const) // a sparse array's holes too (map skips them)
          : Object.entries(value);
    for (const [key, v] of entries) {
      if (key.includes(NUL)) out[[...path, key.replaceAll(NUL, '')].join('.') || '_form'] = [NUL_MESSAGE];
      walk(v, [...path, key], depth + 1);
    }
  };
  walk(input, [], 0);
  return Object.keys(out).length ? out : null;
}

/** Adds `extra` field errors to `base`, keeping both's messages per field. */
export function mergeFieldErrors(
  base: Record<string, string[]> | undefined,
  extra: Record<string, string[]> | null,
): Record<string, string[]> {
  const out: Record<string, string[]> = { ...base };
  for (const [key, messages] of Object.entries(extra ?? {}))
    out[key] = [...new Set([...(Object.hasOwn(out, key) ? out[key] : []), ...messages])];
  return out;
}

/** For zod refinements of a single text (search boxes): no NUL in it. */
export const hasNoNul = (value: string) => !value.includes(NUL);

/**
 * What every server action does with its input: zod, plus the NUL check, with every field's
 * errors in one AppError('invalid') (never only the first).
 */
export function parseInput<Input>(schema: ZodType<Input>, input: unknown): Input {
  const nul = nulFieldErrors(input);
  const parsed = schema.safeParse(input);
  if (!parsed.success || nul) {
    const fields = parsed.success ? undefined : fieldErrorsOf(parsed.error);
    throw new AppError('invalid', 'errors.invalid', mergeFieldErrors(fields, nul));
  }
  return parsed.data;
}

/**
 * A form posted without JavaScript (progressive enhancement) as the plain object the form's zod
 * schema expects: dotted names nested (`organisation.kind`), empty fields left out (as if not
 * filled), repeated names as arrays, framework fields (`$ACTION_…`) and files dropped.
 * Anyone can post any names: `__proto__`, `constructor` and `prototype` parts are dropped, and only
 * the object's own properties are followed, so a name like `__proto__.x` cannot reach
 * Object.prototype (found by tests/security/fuzz.test.ts).
 */
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
export function formDataObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const own = (node: Record<string, unknown>, key: string) => (Object.hasOwn(node, key) ? node[key] : undefined);
  for (const [name, value] of formData.entries()) {
    if (name.startsWith('$') || typeof value !== 'string' || value === '') continue;
    const path = name.split('.');
    if (path.some((part) => UNSAFE_NAMES.has(part))) continue;
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = own(node, part);
      if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    const key = path[path.length - 1];
    const prev = own(node, key);
    node[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
