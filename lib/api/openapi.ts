import { z } from 'zod';
import { operations, type Operation } from './v1';

type Json = Record<string, unknown>;

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          enum: [
            'invalid',
            'unauthorized',
            'forbidden',
            'not_found',
            'conflict',
            'payload_too_large',
            'rate_limited',
            'internal',
          ],
        },
        message: { type: 'string', description: "Translated (Accept-Language ja/en, else the user's language)" },
        fields: {
          type: 'object',
          additionalProperties: { type: 'array', items: { type: 'string' } },
          description: 'Per-field messages (dotted paths)',
        },
      },
    },
  },
};
const errorText: Record<number, string> = {
  400: 'Invalid input (field errors in error.fields)',
  401: 'Missing, unknown, expired or revoked token, or disabled user',
  403: "Beyond the token user's permissions",
  404: 'Unknown id, or not visible to the token user',
  409: 'Changed in the meantime (version mismatch)',
  413: 'Request body too large',
  429: 'Too many requests (see Retry-After)',
};

const listingCommon = {
  id: { type: 'string', format: 'uuid' },
  kind: { type: 'string', enum: ['need', 'seed'] },
  title: { type: 'string' },
  summary: { type: 'string' },
  details: { type: ['string', 'null'] },
  domain: { type: 'string' },
  keywords: { type: 'array', items: { type: 'string' } },
  language: { type: 'string', enum: ['ja', 'en'] },
  status: { type: 'string' },
  publishedAt: { type: ['string', 'null'], format: 'date-time' },
  organisation: { type: 'object', description: 'name, anonymous label or hidden (staged disclosure)' },
  manage: { type: ['object', 'null'], description: 'Owner/coordinator only: version, expiresAt, reviewComment…' },
};
const territoryList = {
  type: 'array',
  items: { type: 'string' },
  description: 'worldwide, japan, region:<region>, pref:<prefecture>, country:<ISO 3166-1 alpha-2>',
};
const listSchema = (item: string) => ({
  type: 'object',
  required: ['items', 'total', 'totalCapped', 'page', 'totalPages', 'pageSize'],
  properties: {
    items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
    total: { type: 'integer', description: 'Exact number of matches, or 1000 when totalCapped' },
    totalCapped: { type: 'boolean', description: 'More than 1000 matches (only the first 1000 are counted and paged)' },
    page: { type: 'integer' },
    totalPages: { type: 'integer' },
    pageSize: { type: 'integer' },
  },
});

/** JSON Schema of what a client sends (zod's input side), without the $schema header. */
export function inputSchema(schema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  return rest;
}

/** PATCH: the full schema's fields, all optional except `version`. */
function patchSchema(full: z.ZodType): Json {
  const schema = inputSchema(full);
  return { ...schema, required: ['version'] };
}

function queryParameters(schema: z.ZodType): Json[] {
  const json = inputSchema(schema) as { properties?: Record<string, Json> };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

function operationObject(op: Operation): Json {
  const responses: Json = {
    [op.success.status]: {
      description: op.success.status === 201 ? 'Created' : 'OK',
      content: {
        'application/json': {
          schema: {
            $ref: `#/components/schemas/${op.success.schema === 'needList' ? 'NeedList' : op.success.schema === 'seedList' ? 'SeedList' : op.success.schema === 'need' ? 'Need' : 'Seed'}`,
          },
        },
      },
    },
  };
  for (const status of op.errors) {
    responses[status] = {
      description: errorText[status],
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const parameters = [
    ...(op.params ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }] : []),
    ...(op.query ? queryParameters(op.query) : []),
  ];
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: op.patchOf ? patchSchema(op.patchOf) : inputSchema(op.body) } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the operations table and its zod schemas. */
export function openApiDocument(serverUrl = '/api/v1'): Json {
  const paths: Record<string, Json> = {};
  for (const op of Object.values(operations) as Operation[]) {
    paths[op.path] = {
      ...(paths[op.path] as Record<string, Json> | undefined),
      [op.method.toLowerCase()]: operationObject(op),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ClusterMatch API',
      version: '1.0.0',
      description:
        'Needs and seeds for integrations. Authenticate with a personal API token (Account → API tokens) as `Authorization: Bearer cm_…`; the token acts with its user\'s own permissions. Errors are `{"error":{"code","message","fields?"}}`.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (cm_…)' } },
      schemas: {
        Error: errorBody,
        Need: {
          type: 'object',
          properties: {
            ...listingCommon,
            visibility: { type: 'string' },
            trlMin: { type: ['integer', 'null'] },
            trlMax: { type: ['integer', 'null'] },
            budgetMinJpy: { type: ['integer', 'null'] },
            budgetMaxJpy: { type: ['integer', 'null'] },
            acceptTerms: {
              type: 'object',
              description: 'Licensing terms the need can accept (compared with seeds in the matching reasons)',
              properties: {
                royaltyMaxPct: { type: ['number', 'null'] },
                upfrontMaxJpy: { type: ['integer', 'null'] },
                territories: territoryList,
                exclusive: { type: 'boolean' },
                sublicensing: { type: 'boolean' },
              },
            },
          },
        },
        Seed: {
          type: 'object',
          properties: {
            ...listingCommon,
            visibility: { type: 'string' },
            trl: { type: ['integer', 'null'] },
            licensing: { type: 'array', items: { type: 'string' } },
            terms: {
              type: 'object',
              description: 'Structured licensing terms, null where not stated (none on a public teaser)',
              properties: {
                royaltyMinPct: { type: ['number', 'null'] },
                royaltyMaxPct: { type: ['number', 'null'] },
                upfrontFeeMinJpy: { type: ['integer', 'null'] },
                upfrontFeeMaxJpy: { type: ['integer', 'null'] },
                milestoneFeeMinJpy: { type: ['integer', 'null'] },
                milestoneFeeMaxJpy: { type: ['integer', 'null'] },
                licenceTerritories: territoryList,
                fieldOfUse: { type: ['string', 'null'] },
                exclusivityMonths: { type: ['integer', 'null'] },
                sublicensing: { type: ['boolean', 'null'] },
                optionAgreement: { type: ['boolean', 'null'] },
              },
            },
            ipStatus: { type: ['string', 'null'] },
            teaser: { type: 'boolean' },
            ipRecords: { type: 'array', items: { type: 'object' } },
          },
        },
        NeedList: listSchema('Need'),
        SeedList: listSchema('Seed'),
      },
    },
  };
}
