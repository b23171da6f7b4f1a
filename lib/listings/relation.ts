import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { matchIntroductions, ndas } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import type { ListingKind } from '@/db/vocabulary/listings';
import type { Viewer } from '@/lib/auth/policy';

// Read here from the introductions' tables (not through lib/introductions, which builds on listings).

/**
 * The viewer's relation to a listing through the brokered flow (the matches of lib/introductions):
 * 'introduced' when a match joining the viewer's organisation and this listing is introduced
 * (or closed after it), and 'nda' when such a match also has a confidentiality agreement
 * recorded as signed and not expired (on the programme's calendar, Japan's); 'interest_accepted'
 * when the listing's side accepted the viewer's request and the other answer is pending;
 * otherwise 'none'.
 */
export async function relationOf(
  viewer: Viewer | null,
  listing: { kind: ListingKind; id: string },
): Promise<'nda' | 'introduced' | 'interest_accepted' | 'none'> {
  if (!viewer) return 'none';
  const db = await getDb();
  const ref = listing.kind === 'need' ? matches.needId : matches.seedId;
  const viaOtherListing =
    listing.kind === 'need'
      ? sql`exists (select 1 from ${seeds} where ${seeds.id} = ${matches.seedId} and ${seeds.organisationId} = ${viewer.organisationId})`
      : sql`exists (select 1 from ${needs} where ${needs.id} = ${matches.needId} and ${needs.organisationId} = ${viewer.organisationId})`;
  const accepted = listing.kind === 'need' ? matchIntroductions.needResponse : matchIntroductions.seedResponse;
  const rows = await db
    .select({
      status: matches.status,
      listingAnswer: accepted,
      nda: sql<boolean>`exists (select 1 from ${ndas} where ${ndas.matchId} = ${matches.id} and ${ndas.status} = 'signed' and (${ndas.expiresOn} is null or ${ndas.expiresOn} >= (now() at time zone 'Asia/Tokyo')::date))`,
    })
    .from(matches)
    .leftJoin(matchIntroductions, eq(matchIntroductions.matchId, matches.id))
    .where(
      and(
        eq(ref, listing.id),
        inArray(matches.status, ['approved', 'introduced', 'closed']),
        or(eq(matches.requesterOrganisationId, viewer.organisationId), viaOtherListing),
      ),
    );
  const introduced = rows.filter((r) => r.status === 'introduced' || r.status === 'closed');
  if (introduced.some((r) => r.nda)) return 'nda';
  if (introduced.length) return 'introduced';
  if (rows.some((r) => r.status === 'approved' && r.listingAnswer === 'accepted')) return 'interest_accepted';
  return 'none';
}
