/**
 * Import of a labelled match dataset (the format of shared/data/match-eval-dev.json):
 * validates it, then inserts its needs and seeds (with IP records) as open listings of
 * generated organisations — one SME and one university per region — in one transaction.
 * Used by `npm run match:eval` and the benchmark; reusable by the JSON import of the UI.
 * Returns the dataset id → listing id maps (the listing tables have no external id column).
 */
import type { Db } from '@/db';
import { organisations, users } from '@/db/schema/accounts';
import { ipRecords, needs, seeds } from '@/db/schema/listings';
import { buildSearchText } from '@/lib/listings/search-text';
import { canonicalPrefecture } from '@/lib/prefectures';
import { z } from '@/lib/validation/messages';

const domain = z.enum(['manufacturing', 'it', 'biotech', 'environment_energy']);
const lang = z.enum(['en', 'ja']);
const trl = z.number().int().min(1).max(9);
const text = (max: number) => z.string().trim().max(max);

const common = {
  id: z.string().min(1).max(200),
  lang,
  title: text(500).min(1),
  summary: text(20_000).default(''),
  domain,
  keywords: z.array(text(200)).max(100).default([]),
  region: text(100).nullish(),
};

export const datasetNeedSchema = z.object({ ...common, desiredTrl: trl.nullish() });
export const datasetSeedSchema = z.object({
  ...common,
  trl: trl.nullish(),
  ip: z
    .object({ status: z.enum(['none', 'filed', 'granted']), jurisdictions: z.array(text(20)).max(50).default([]) })
    .nullish(),
  licensing: z.enum(['exclusive', 'non_exclusive', 'joint_research']).nullish(),
});
export const datasetSchema = z
  .object({
    version: z.literal(1).optional(),
    needs: z.array(datasetNeedSchema).default([]),
    seeds: z.array(datasetSeedSchema).default([]),
    judgments: z
      .array(z.object({ needId: z.string(), seedId: z.string(), grade: z.number().int().min(0).max(3) }))
      .default([]),
  })
  .superRefine((d, ctx) => {
    for (const [name, list] of [
      ['needs', d.needs],
      ['seeds', d.seeds],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [name, i, 'id'], message: 'validation.duplicate' });
        seen.add(x.id);
      });
    }
  });

export type Dataset = z.infer<typeof datasetSchema>;

export function parseDataset(raw: unknown): Dataset {
  return datasetSchema.parse(raw);
}

export interface ImportResult {
  needIds: Map<string, string>;
  seedIds: Map<string, string>;
  organisationIds: string[];
}

const BATCH = 500;

/** Inserts a validated dataset; every listing is open (published now, expiring in a year). */
export async function importDataset(db: Db, data: Dataset, opts: { label?: string } = {}): Promise<ImportResult> {
  const label = opts.label ?? 'import';
  const result: ImportResult = { needIds: new Map(), seedIds: new Map(), organisationIds: [] };
  await db.transaction(async (tx) => {
    const owners = new Map<string, { organisationId: string; userId: string }>();
    const ownerOf = async (kind: 'sme' | 'university', region: string) => {
      const key = `${kind}:${region}`;
      const known = owners.get(key);
      if (known) return known;
      const [org] = await tx
        .insert(organisations)
        .values({
          kind,
          nameJa: `${region} ${kind === 'sme' ? '企業' : '大学'} (${label})`,
          nameEn: `${kind === 'sme' ? 'Firm' : 'University'} in ${region} (${label})`,
          prefecture: canonicalPrefecture(region),
          verified: true,
        })
        .returning({ id: organisations.id });
      const [user] = await tx
        .insert(users)
        .values({
          email: `${label}-${kind}-${org.id}@import.invalid`,
          name: `${label} ${kind}`,
          passwordHash: '!', // no password matches: imported owners cannot sign in
          role: kind === 'sme' ? 'sme' : 'researcher',
          organisationId: org.id,
          approved: true,
        })
        .returning({ id: users.id });
      const owner = { organisationId: org.id, userId: user.id };
      owners.set(key, owner);
      result.organisationIds.push(org.id);
      return owner;
    };
    const now = new Date();

    for (let i = 0; i < data.needs.length; i += BATCH) {
      const part = data.needs.slice(i, i + BATCH);
      const values = [];
      for (const n of part) {
        const owner = await ownerOf('sme', n.region || 'Japan');
        values.push({
          organisationId: owner.organisationId,
          createdBy: owner.userId,
          language: n.lang,
          title: n.title,
          summary: n.summary,
          domain: n.domain,
          keywords: n.keywords,
          prefecture: n.region ? canonicalPrefecture(n.region) : null,
          status: 'open' as const,
          publishedAt: now,
          trlMin: n.desiredTrl ?? null,
          searchText: buildSearchText({ title: n.title, summary: n.summary, keywords: n.keywords }),
        });
      }
      const rows = await tx.insert(needs).values(values).returning({ id: needs.id });
      for (const [j, r] of rows.entries()) result.needIds.set(part[j].id, r.id);
    }

    for (let i = 0; i < data.seeds.length; i += BATCH) {
      const part = data.seeds.slice(i, i + BATCH);
      const values = [];
      for (const s of part) {
        const owner = await ownerOf('university', s.region || 'Japan');
        const status = s.ip?.status;
        values.push({
          organisationId: owner.organisationId,
          createdBy: owner.userId,
          language: s.lang,
          title: s.title,
          summary: s.summary,
          domain: s.domain,
          keywords: s.keywords,
          prefecture: s.region ? canonicalPrefecture(s.region) : null,
          status: 'open' as const,
          publishedAt: now,
          trl: s.trl ?? null,
          licensing: s.licensing ? [s.licensing] : [],
          ipStatus: status === 'granted' || status === 'filed' ? status : null,
          searchText: buildSearchText({ title: s.title, summary: s.summary, keywords: s.keywords }),
        });
      }
      const rows = await tx.insert(seeds).values(values).returning({ id: seeds.id });
      for (const [j, r] of rows.entries()) result.seedIds.set(part[j].id, r.id);
      const ips = part.flatMap((s, j) =>
        s.ip && s.ip.status !== 'none'
          ? s.ip.jurisdictions.map((jurisdiction) => ({
              seedId: rows[j].id,
              jurisdiction,
              status: s.ip!.status as 'filed' | 'granted',
              title: s.title.slice(0, 200),
            }))
          : [],
      );
      if (ips.length) await tx.insert(ipRecords).values(ips);
    }
  });
  return result;
}
