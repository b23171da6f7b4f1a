import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { organisations, users } from '@/db/schema/accounts';
import { fundingAccessLog } from '@/db/schema/funding';
import type { Viewer } from '@/lib/auth/policy';
import type { FundingAccessAction } from '@/db/vocabulary/funding';
import { relationTo, type ProposalRelation } from './access';

/** Repeated page views by one person within this window are one entry (a reload is not a new visit). */
const VIEW_WINDOW_MS = 10 * 60 * 1000;

/**
 * Records that someone outside the proposing organisation viewed the proposal or downloaded one
 * of its documents (data-room practice); the proposing organisation's own reads are not logged.
 */
export async function logAccess(
  db: Db,
  viewer: Viewer,
  proposalId: string,
  relation: ProposalRelation,
  action: FundingAccessAction,
  attachment: { id: string; fileName: string } | null = null,
  now = new Date(),
): Promise<void> {
  if (relation === 'owner') return;
  if (action === 'viewed') {
    const [recent] = await db
      .select({ id: fundingAccessLog.id })
      .from(fundingAccessLog)
      .where(
        and(
          eq(fundingAccessLog.userId, viewer.userId),
          eq(fundingAccessLog.proposalId, proposalId),
          eq(fundingAccessLog.action, 'viewed'),
          gt(fundingAccessLog.createdAt, new Date(now.getTime() - VIEW_WINDOW_MS)),
        ),
      )
      .limit(1);
    if (recent) return;
  }
  await db.insert(fundingAccessLog).values({
    proposalId,
    userId: viewer.userId,
    organisationId: viewer.organisationId,
    action,
    attachmentId: attachment?.id ?? null,
    fileName: attachment?.fileName ?? null,
    createdAt: now,
  });
}

export const ACCESS_LOG_PAGE_SIZE = 50;

/**
 * Who saw what and when, newest first, for those who may read the log: the proposing
 * organisation, its partner and the cluster's coordinators — never a lender (the log names
 * the other lenders). null for anyone else.
 */
export async function getAccessLog(viewer: Viewer, proposalId: string, page = 1) {
  const db = await getDb();
  const relation = await relationTo(db, viewer, proposalId);
  if (!relation || relation === 'lender') return null;
  const rows = await db
    .select({
      id: fundingAccessLog.id,
      action: fundingAccessLog.action,
      fileName: fundingAccessLog.fileName,
      createdAt: fundingAccessLog.createdAt,
      userName: users.name,
      organisationKind: organisations.kind,
      organisationNameJa: organisations.nameJa,
      organisationNameEn: organisations.nameEn,
    })
    .from(fundingAccessLog)
    .innerJoin(users, eq(users.id, fundingAccessLog.userId))
    .innerJoin(organisations, eq(organisations.id, fundingAccessLog.organisationId))
    .where(eq(fundingAccessLog.proposalId, proposalId))
    .orderBy(desc(fundingAccessLog.createdAt), desc(fundingAccessLog.id))
    .limit(ACCESS_LOG_PAGE_SIZE + 1)
    .offset((Math.max(1, page) - 1) * ACCESS_LOG_PAGE_SIZE);
  return { rows: rows.slice(0, ACCESS_LOG_PAGE_SIZE), hasMore: rows.length > ACCESS_LOG_PAGE_SIZE };
}
