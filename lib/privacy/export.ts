import 'server-only';
import { asc, eq, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLogs, organisations, users } from '@/db/schema/accounts';
import { fundingAccessLog, fundingProposals } from '@/db/schema/funding';
import { apiTokens, savedSearches } from '@/db/schema/integrations';
import { matchIntroductions, matchMessages, meetingProposals } from '@/db/schema/introductions';
import { needs, seeds } from '@/db/schema/listings';
import { emailPreferences, outboxEmails } from '@/db/schema/mail';
import { notifications } from '@/db/schema/notifications';
import type { Viewer } from '@/lib/auth/policy';
import { toExcelCsv } from '@/lib/export/csv';
import { AppError } from '@/lib/errors';

/**
 * Everything the portal holds about one member (APPI: disclosure of retained personal data), as
 * one JSON document: their account, what they wrote, what was sent to them, what they did (the
 * audit trail under their name, with addresses) and the settings they keep. Secrets are left out
 * (password and token hashes); the organisation's own records appear where the member is named in
 * them (listings they created or are the contact of, introductions they asked for).
 */
export async function exportPersonalData(viewer: Viewer) {
  const db = await getDb();
  const me = viewer.userId;
  const [account] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      phone: users.phone,
      role: users.role,
      locale: users.locale,
      timeZone: users.timeZone,
      approved: users.approved,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      lastSignInAt: users.lastSignInAt,
      organisation: { id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn },
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, me));
  if (!account) throw new AppError('not_found');

  const listingColumns = (t: typeof needs | typeof seeds) => ({
    id: t.id,
    title: t.title,
    status: t.status,
    createdAt: t.createdAt,
    createdByMe: eq(t.createdBy, me),
    contactIsMe: eq(t.contactUserId, me),
  });
  const [
    needRows,
    seedRows,
    introductionRows,
    messageRows,
    meetingRows,
    fundingRows,
    fundingViews,
    notificationRows,
    mailRows,
    preferenceRows,
    searchRows,
    tokenRows,
    auditRows,
  ] = await Promise.all([
    db
      .select(listingColumns(needs))
      .from(needs)
      .where(or(eq(needs.createdBy, me), eq(needs.contactUserId, me)))
      .orderBy(asc(needs.createdAt)),
    db
      .select(listingColumns(seeds))
      .from(seeds)
      .where(or(eq(seeds.createdBy, me), eq(seeds.contactUserId, me)))
      .orderBy(asc(seeds.createdAt)),
    db
      .select({
        matchId: matchIntroductions.matchId,
        interestOffer: matchIntroductions.interestOffer,
        interestWant: matchIntroductions.interestWant,
        interestTiming: matchIntroductions.interestTiming,
        updatedAt: matchIntroductions.updatedAt,
      })
      .from(matchIntroductions)
      .where(or(eq(matchIntroductions.requesterUserId, me), eq(matchIntroductions.createdBy, me))),
    db
      .select({
        id: matchMessages.id,
        matchId: matchMessages.matchId,
        body: matchMessages.body,
        createdAt: matchMessages.createdAt,
      })
      .from(matchMessages)
      .where(eq(matchMessages.authorId, me))
      .orderBy(asc(matchMessages.createdAt)),
    db
      .select({
        id: meetingProposals.id,
        matchId: meetingProposals.matchId,
        slots: meetingProposals.slots,
        location: meetingProposals.location,
        status: meetingProposals.status,
        createdAt: meetingProposals.createdAt,
      })
      .from(meetingProposals)
      .where(eq(meetingProposals.proposedBy, me)),
    db
      .select({
        id: fundingProposals.id,
        title: fundingProposals.title,
        status: fundingProposals.status,
      })
      .from(fundingProposals)
      .where(eq(fundingProposals.createdBy, me)),
    db
      .select({
        proposalId: fundingAccessLog.proposalId,
        action: fundingAccessLog.action,
        fileName: fundingAccessLog.fileName,
        createdAt: fundingAccessLog.createdAt,
      })
      .from(fundingAccessLog)
      .where(eq(fundingAccessLog.userId, me))
      .orderBy(asc(fundingAccessLog.createdAt)),
    db
      .select({
        kind: notifications.kind,
        params: notifications.params,
        href: notifications.href,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, me))
      .orderBy(asc(notifications.createdAt)),
    db
      .select({
        toAddress: outboxEmails.toAddress,
        subject: outboxEmails.subject,
        textBody: outboxEmails.textBody,
        status: outboxEmails.status,
        sentAt: outboxEmails.sentAt,
        createdAt: outboxEmails.createdAt,
      })
      .from(outboxEmails)
      .where(eq(outboxEmails.toUserId, me))
      .orderBy(asc(outboxEmails.createdAt)),
    db
      .select({ category: emailPreferences.category, enabled: emailPreferences.enabled })
      .from(emailPreferences)
      .where(eq(emailPreferences.userId, me)),
    db
      .select({
        name: savedSearches.name,
        kind: savedSearches.kind,
        query: savedSearches.query,
        frequency: savedSearches.frequency,
        createdAt: savedSearches.createdAt,
      })
      .from(savedSearches)
      .where(eq(savedSearches.userId, me)),
    db
      .select({
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        lastUsedAt: apiTokens.lastUsedAt,
        expiresAt: apiTokens.expiresAt,
        revokedAt: apiTokens.revokedAt,
        createdAt: apiTokens.createdAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.userId, me)),
    db
      .select({
        action: auditLogs.action,
        subjectType: auditLogs.subjectType,
        subjectId: auditLogs.subjectId,
        details: auditLogs.details,
        ip: auditLogs.ip,
        createdAt: auditLogs.createdAt,
      })
      .from(auditLogs)
      .where(eq(auditLogs.actorId, me))
      .orderBy(asc(auditLogs.createdAt)),
  ]);

  return {
    exportedAt: new Date(),
    account,
    listings: { needs: needRows, seeds: seedRows },
    introductionsRequested: introductionRows,
    messages: messageRows,
    meetingProposals: meetingRows,
    fundingProposals: fundingRows,
    fundingDocumentsViewed: fundingViews,
    notifications: notificationRows,
    mails: mailRows,
    mailPreferences: preferenceRows,
    savedSearches: searchRows,
    apiTokens: tokenRows,
    activity: auditRows,
  };
}

export type PersonalData = Awaited<ReturnType<typeof exportPersonalData>>;

/**
 * The same data as a CSV for a spreadsheet: one row per value, `section, item, field, value`
 * (nested values as JSON), so every section fits one sheet.
 */
export function personalDataCsv(data: PersonalData, timeZone: string): string {
  const rows: unknown[][] = [];
  const add = (section: string, item: number | string, record: Record<string, unknown>) => {
    for (const [field, value] of Object.entries(record)) {
      const plain =
        value === null || value === undefined || value instanceof Date || typeof value !== 'object'
          ? value
          : JSON.stringify(value);
      rows.push([section, item, field, plain ?? '']);
    }
  };
  const { account, listings, exportedAt, ...lists } = data;
  add('account', 1, { ...account, organisation: account.organisation });
  add('export', 1, { exportedAt });
  const sections: [string, Record<string, unknown>[]][] = [
    ['listings.needs', listings.needs],
    ['listings.seeds', listings.seeds],
    ...Object.entries(lists),
  ];
  for (const [section, list] of sections) {
    for (const [i, r] of list.entries()) add(section, i + 1, r);
  }
  return toExcelCsv(['section', 'item', 'field', 'value'], rows, { timeZone });
}
