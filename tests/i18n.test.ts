import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';
import { shareTransitions } from '@/lib/funding/rules';
import { transitionRules } from '@/lib/introductions/rules';
import { TRANSITIONS } from '@/lib/listings/rules';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe('translations', () => {
  it('Japanese and English have exactly the same keys', () => {
    const ja = new Set(keys(loadMessages('ja')));
    const en = new Set(keys(loadMessages('en')));
    expect(
      [...ja].filter((k) => !en.has(k)),
      'missing in English',
    ).toEqual([]);
    expect(
      [...en].filter((k) => !ja.has(k)),
      'missing in Japanese',
    ).toEqual([]);
  });

  it('has the same message files for both languages', () => {
    const files = (l: string) => fs.readdirSync(path.join(process.cwd(), 'messages', l)).sort();
    expect(files('ja')).toEqual(files('en'));
  });

  it('has no empty strings', () => {
    for (const locale of ['ja', 'en'] as const) {
      const flat = keys(loadMessages(locale));
      const messages = loadMessages(locale);
      const empty = flat.filter(
        (k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages) === '',
      );
      expect(empty, locale).toEqual([]);
    }
  });

  it('every namespace a client component asks for exists in both languages', () => {
    // client components (search form, dialogs, forms) translate in the browser from the
    // namespaces their segment's <ClientMessages> passes; a missing one fails only at render time
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
        );
    const client = ['app', 'components', 'lib']
      .flatMap((d) => files(path.join(process.cwd(), d)))
      .filter((f) => /^\s*['"]use client['"]/.test(fs.readFileSync(f, 'utf8')));
    const used = new Set(
      client.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/useTranslations\('([^']+)'\)/g)].map((m) => m[1])),
    );
    expect(used.size).toBeGreaterThan(5);
    for (const locale of ['ja', 'en'] as const) {
      const messages = loadMessages(locale);
      const missing = [...used].filter(
        (ns) =>
          typeof ns.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], messages) !==
          'object',
      );
      expect(missing, locale).toEqual([]);
    }
  });

  it('every audit action the code records has a label in both languages (admin audit log)', () => {
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
        );
    // literal codes on `action:` lines of writeAudit calls, plus the ones built from a transition
    const literal = ['app', 'lib']
      .flatMap((d) => files(path.join(process.cwd(), d)))
      .filter((f) => fs.readFileSync(f, 'utf8').includes('writeAudit('))
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .filter((line) => /\baction: /.test(line)),
      )
      .flatMap((line) => [...line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1]));
    const listingTransitions = [...new Set(Object.values(TRANSITIONS).flatMap((t) => Object.keys(t)))];
    const codes = new Set([
      ...literal,
      ...['need', 'seed'].flatMap((kind) => [...listingTransitions, 'renew'].map((t) => `${kind}.${t}`)),
      ...transitionRules.map((r) => `match.${r.event}`),
      ...shareTransitions.map((r) => `funding.${r.event}`),
    ]);
    expect(codes.size).toBeGreaterThan(40);
    for (const locale of ['ja', 'en'] as const) {
      const actions = (loadMessages(locale).admin as { audit: { actions: Record<string, unknown> } }).audit.actions;
      const unlabelled = [...codes].filter(
        (code) =>
          typeof code.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], actions) !==
          'string',
      );
      expect(unlabelled, locale).toEqual([]);
    }
  });
});
