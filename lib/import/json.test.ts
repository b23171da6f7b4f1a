import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseImport } from './analyse';
import { jsonRows } from './json';
import { enc, fileError } from './test-support';

// JSON files for the import: the match-eval dataset's shape and the API's (CSV and the rest: import.test.ts).

describe('jsonRows', () => {
  it('imports the match-eval dataset format (needs and seeds)', async () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, '../../scripts/match-eval-data/topics-2.json'), 'utf8');
    const needs = (
      await analyseImport({
        bytes: enc(text),
        fileName: 'topics-2.json',
        kind: 'needs',
        intent: 'draft',
      })
    ).summary;
    expect(needs).toMatchObject({ format: 'json', total: 32, validCount: 32, invalidCount: 0, otherKindCount: 175 });
    const seeds = await analyseImport({
      bytes: enc(text),
      fileName: 'topics-2.json',
      kind: 'seeds',
      intent: 'draft',
    });
    expect(seeds.summary).toMatchObject({ total: 175, validCount: 175, invalidCount: 0 });
  });

  it('maps a dataset seed: filed IP becomes records, granted without number goes to the details', async () => {
    const doc = {
      version: 1,
      seeds: [
        {
          id: 'S-1',
          lang: 'en',
          title: 'A',
          summary: 'B',
          domain: 'it',
          keywords: ['k'],
          region: 'Aichi',
          trl: 4,
          ip: { status: 'filed', jurisdictions: ['JP', 'US'] },
          licensing: 'exclusive',
        },
        {
          id: 'S-2',
          lang: 'en',
          title: 'C',
          summary: 'D',
          domain: 'it',
          keywords: [],
          region: 'Osaka',
          trl: 6,
          ip: { status: 'granted', jurisdictions: ['JP'] },
          licensing: 'joint_research',
        },
      ],
    };
    const { rows } = jsonRows(JSON.stringify(doc), 'seeds', 'draft');
    expect(rows[0].input).toMatchObject({
      prefecture: 'Aichi',
      licensing: ['exclusive'],
      ipRecords: [
        { jurisdiction: 'JP', status: 'filed' },
        { jurisdiction: 'US', status: 'filed' },
      ],
    });
    expect(rows[1].input).toMatchObject({ ipRecords: [], details: expect.stringContaining('JP') });
  });

  it('reports JSON syntax and shape errors, and per-item errors by position', async () => {
    expect(fileError(() => jsonRows('{"needs": [', 'needs', 'draft')).key).toBe('json_syntax');
    expect(fileError(() => jsonRows('{"items": []}', 'needs', 'draft')).key).toBe('json_shape');
    expect(fileError(() => jsonRows('{"seeds": [{}]}', 'needs', 'draft')).key).toBe('no_rows_of_kind');
    const { summary } = await analyseImport({
      bytes: enc(
        JSON.stringify([
          { title: 'ok', summary: 's', domain: 'it' },
          { title: 'x', summary: 's', domain: 'it', trlMin: 'high', colour: 'red' },
        ]),
      ),
      fileName: 'n.json',
      kind: 'needs',
      intent: 'draft',
    });
    expect(summary.validCount).toBe(1);
    expect(summary.errors.map((e) => `${e.row}:${e.column}`)).toEqual(expect.arrayContaining(['2:trlMin', '2:_row']));
  });

  it('refuses a title or summary that is not text as a row error, never crashing on it', async () => {
    // found by tests/security/fuzz.test.ts: an object with its own "toString" cannot be printed
    const { summary } = await analyseImport({
      bytes: enc(
        JSON.stringify([
          { title: '熱処理', summary: [null, { toString: 1 }], domain: 'it' },
          { title: { toString: 1 }, summary: 's', domain: { toString: 1 } },
        ]),
      ),
      fileName: 'n.json',
      kind: 'needs',
      intent: 'draft',
    });
    expect(summary).toMatchObject({ total: 2, validCount: 0, invalidCount: 2 });
    expect(summary.errors.map((e) => `${e.row}:${e.column}`)).toEqual(
      expect.arrayContaining(['1:summary', '2:title', '2:domain']),
    );
    expect(summary.sample.map((r) => r.title)).toEqual(['熱処理', '']);
  });
});
