import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { needs, seeds } from '@/db/schema/listings';
import { can, type Viewer } from '@/lib/auth/policy';
import { browsableSql, manageableSql, readableSql } from './access';
import { improvementHints, type ImprovementHint, type MatchReason } from '@/lib/matching/reasons';
import { represent } from '@/lib/matching/represent';
import { rankStored } from '@/lib/matching/retrieve';
import { loadListings } from '@/lib/matching/store';
import { PROPOSAL_SETTINGS } from '@/lib/matching/weights';
import type { ListingKind } from '@/db/vocabulary/listings';

export interface PartnerRow {
  id: string;
  kind: ListingKind;
  title: string;
  language: 'ja' | 'en';
  domain: string;
  score: number;
  reasons: MatchReason[];
}

export interface PartnersView {
  listing: { id: string; kind: ListingKind; title: string; open: boolean };
  /** partners scoring at least the proposal cut-off (PROPOSAL_SETTINGS.minScore), best first */
  partners: PartnerRow[];
  /** partners below the cut-off: never proposed to coordinators, folded away on the page */
  weaker: PartnerRow[];
  /** only for those who manage the listing (owner organisation, its coordinators) */
  hints: ImprovementHint[] | null;
  /** the viewer's organisation owns the listing and may say "I'm interested" in a partner from here */
  canAsk: boolean;
}

const LIMIT = 20;

/**
 * "Find partners" for a listing the viewer may read: the ranked listings of the other kind
 * that the viewer may browse, with reasons. The query side is represented from the listing's
 * current text (so an owner sees the effect of an edit at once); candidates come from the index.
 */
export async function findPartnersForViewer(
  viewer: Viewer,
  kind: ListingKind,
  id: string,
): Promise<PartnersView | null> {
  const db = await getDb();
  const table = kind === 'need' ? needs : seeds;
  const [row] = await db
    .select({
      id: table.id,
      title: table.title,
      status: table.status,
      expiresAt: table.expiresAt,
      organisationId: table.organisationId,
      manageable: manageableSql(table, viewer),
    })
    .from(table)
    .where(and(eq(table.id, id), readableSql(table, viewer)))
    .limit(1);
  if (!row) return null;
  const manageable = row.manageable === true || String(row.manageable) === 'true';
  const [listing] = await loadListings(db, kind, [id]);
  const rep = represent(listing.input);
  const ranked = await rankStored(db, kind, { id, lang: rep.lang, rep, facts: listing.facts }, LIMIT * 2, {
    excludeIds: [id],
  });

  const other = kind === 'need' ? seeds : needs;
  const visible = ranked.length
    ? await db
        .select({ id: other.id, title: other.title, language: other.language, domain: other.domain })
        .from(other)
        .where(
          and(
            inArray(
              other.id,
              ranked.map((m) => m.id),
            ),
            browsableSql(other, viewer),
          ),
        )
    : [];
  const byId = new Map(visible.map((v) => [v.id, v]));
  const rows: PartnerRow[] = [];
  for (const m of ranked) {
    const v = byId.get(m.id);
    if (!v || rows.length >= LIMIT) continue;
    rows.push({
      id: m.id,
      kind: kind === 'need' ? 'seed' : 'need',
      title: v.title,
      language: v.language,
      domain: v.domain,
      score: m.score,
      reasons: m.reasons,
    });
  }
  const open = row.status === 'open' && row.expiresAt > new Date();
  return {
    listing: { id, kind, title: row.title, open },
    partners: rows.filter((r) => r.score >= PROPOSAL_SETTINGS.minScore),
    weaker: rows.filter((r) => r.score < PROPOSAL_SETTINGS.minScore),
    hints: manageable ? improvementHints(kind, listing.input, rep) : null,
    canAsk: row.organisationId === viewer.organisationId && can(viewer, 'introductions.interest'),
  };
}
