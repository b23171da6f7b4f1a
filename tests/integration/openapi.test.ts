import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GET as openApiRoute } from '@/app/api/v1/openapi.json/route';
import { isMethodRefusal } from '@/lib/api/handler';
import { openApiDocument } from '@/lib/api/openapi';
import { operations, type Operation } from '@/lib/api/v1';

const root = path.resolve('app/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every route.ts under app/api/v1 as an OpenAPI path ("[id]" → "{id}"). */
function routeFiles(): { file: string; apiPath: string }[] {
  const out: { file: string; apiPath: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const rel = path.relative(root, path.dirname(full)).split(path.sep).filter(Boolean);
        out.push({ file: full, apiPath: `/${rel.map((s) => s.replace(/^\[(.+)\]$/, '{$1}')).join('/')}` });
      }
    }
  };
  walk(root);
  return out;
}

type Doc = {
  openapi: string;
  components: { schemas: Record<string, JsonSchema> };
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content: Record<string, { schema: JsonSchema }> }; parameters?: { name: string; in: string }[] }
    >
  >;
};
type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  additionalProperties?: unknown;
};

const samples: Record<string, unknown> = {
  createNeed: {
    intent: 'draft',
    language: 'en',
    title: 'Leak detection',
    summary: 'While running',
    domain: 'environment_energy',
    keywords: ['leak'],
    visibility: 'members',
    trlMin: 4,
  },
  createSeed: {
    intent: 'submit',
    language: 'ja',
    title: '固体電解質',
    summary: '量産プロセス',
    domain: 'environment_energy',
    visibility: 'members',
    trl: 5,
    licensing: ['exclusive'],
    ipRecords: [{ jurisdiction: 'JP', status: 'filed', title: '固体電解質' }],
  },
  updateNeed: { version: 3, title: 'New title' },
  updateSeed: { version: 1, intent: 'submit', trl: 6 },
};

/** A small structural check of a sample against the generated JSON Schema. */
function conforms(schema: JsonSchema, value: unknown, at = '$'): string[] {
  const problems: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: not in enum`);
  if (schema.type === 'object' && schema.properties) {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) problems.push(`${at}.${key}: required`);
    for (const [key, v] of Object.entries(obj)) {
      const sub = schema.properties[key];
      if (!sub) problems.push(`${at}.${key}: not in schema`);
      else problems.push(...conforms(sub, v, `${at}.${key}`));
    }
  }
  if (schema.type === 'integer' && !Number.isInteger(value)) problems.push(`${at}: not an integer`);
  if (schema.type === 'string' && typeof value !== 'string') problems.push(`${at}: not a string`);
  if (schema.type === 'array' && !Array.isArray(value)) problems.push(`${at}: not an array`);
  return problems;
}

describe('OpenAPI document', () => {
  const doc = openApiDocument() as Doc;

  it('is served at /api/v1/openapi.json as OpenAPI 3.1', async () => {
    const res = await openApiRoute();
    expect(res.status).toBe(200);
    const served = (await res.json()) as Doc;
    expect(served.openapi).toBe('3.1.0');
    expect(Object.keys(served.paths).sort()).toEqual(Object.keys(doc.paths).sort());
  });

  it('has a path for every route file and a route file for every path, with the same methods', async () => {
    const files = routeFiles().filter((r) => r.apiPath !== '/openapi.json');
    expect(files.map((f) => f.apiPath).sort()).toEqual(Object.keys(doc.paths).sort());
    for (const { file, apiPath } of files) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const served = METHODS.filter((m) => typeof mod[m] === 'function' && !isMethodRefusal(mod[m]));
      expect(served.map((m) => m.toLowerCase()).sort(), apiPath).toEqual(Object.keys(doc.paths[apiPath]).sort());
      // every other method is refused in JSON, naming the served ones
      for (const m of METHODS.filter((m) => !served.includes(m))) {
        const refuse = mod[m] as (request: Request) => Response;
        const res = refuse(new Request(`http://localhost/api/v1${apiPath}`, { method: m }));
        expect(res.status, `${m} ${apiPath}`).toBe(405);
        expect(res.headers.get('allow')).toBe(served.join(', '));
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
      }
    }
  });

  it('documents the path parameters and query filters the routes read', () => {
    for (const op of Object.values(operations) as Operation[]) {
      const entry = doc.paths[op.path][op.method.toLowerCase()];
      const names = (entry.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      if (op.path.includes('{id}')) expect(names).toContain('path:id');
      if (op.query)
        expect(names).toEqual(expect.arrayContaining(['query:q', 'query:domain', 'query:trl', 'query:page']));
    }
  });

  it("each request body schema accepts a valid sample, and the route's zod schema does too", () => {
    for (const op of Object.values(operations) as Operation[]) {
      if (!op.body) continue;
      const sample = samples[op.operationId];
      expect(sample, op.operationId).toBeDefined();
      const schema = doc.paths[op.path][op.method.toLowerCase()].requestBody!.content['application/json'].schema;
      expect(conforms(schema, sample), op.operationId).toEqual([]);
      expect(op.body.safeParse(sample).success, op.operationId).toBe(true);
    }
  });

  it('documents the licensing terms: in what seeds and needs return and in what clients send', () => {
    const doc = openApiDocument('http://localhost') as Doc;
    expect(Object.keys(doc.components.schemas.Seed.properties?.terms.properties ?? {})).toEqual(
      expect.arrayContaining([
        'royaltyMinPct',
        'royaltyMaxPct',
        'upfrontFeeMinJpy',
        'licenceTerritories',
        'sublicensing',
      ]),
    );
    expect(Object.keys(doc.components.schemas.Need.properties?.acceptTerms.properties ?? {})).toEqual([
      'royaltyMaxPct',
      'upfrontMaxJpy',
      'territories',
      'exclusive',
      'sublicensing',
    ]);
    const body = (path: string, method: string) =>
      doc.paths[path][method].requestBody?.content['application/json'].schema.properties ?? {};
    expect(Object.keys(body('/needs', 'post'))).toEqual(
      expect.arrayContaining(['acceptRoyaltyMaxPct', 'acceptUpfrontMaxJpy', 'acceptTerritories', 'wantsExclusive']),
    );
    expect(Object.keys(body('/seeds', 'post'))).toEqual(
      expect.arrayContaining(['royaltyMinPct', 'licenceTerritories']),
    );
  });

  it('a sample that breaks the documented schema is refused by the route schema too', () => {
    const bad = { ...(samples.createNeed as object), domain: 'astrology' };
    const schema = doc.paths['/needs'].post.requestBody!.content['application/json'].schema;
    expect(conforms(schema, bad)).not.toEqual([]);
    expect(operations.createNeed.body.safeParse(bad).success).toBe(false);
  });
});
