import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLogs, users } from '@/db/schema/accounts';
import { attachments } from '@/db/schema/attachments';
import { fundingPatents, fundingProposals, fundingShareEvents, fundingShares } from '@/db/schema/funding';
import { outboxEmails } from '@/db/schema/mail';
import { matchOutcomes } from '@/db/schema/programme';
import { notifications } from '@/db/schema/notifications';
import { AppError } from '@/lib/errors';
import { answerConsent, requestConsent } from '@/lib/funding/consent';
import { addProposalDocument } from '@/lib/funding/documents';
import { getEvaluationSheet, saveEvaluation } from '@/lib/funding/evaluation';
import { listClusterProposals, listLenderInbox, listOwnProposals } from '@/lib/funding/lists';
import { createProposal, saveProposal } from '@/lib/funding/proposals';
import { shareProposal } from '@/lib/funding/sharing';
import { transitionShare } from '@/lib/funding/transition';
import { getProposalForViewer } from '@/lib/funding/view';
import { completeContent, fundingWorld, pdfBytes, readyProposal } from '../support/funding-world';

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${error.messageKey}` : String(error);
  }
};

beforeAll(async () => {
  await getDb();
}, 180_000);

describe('writing a funding proposal', () => {
  it('autosaves a draft against the version it was loaded with; a stale save is told, not applied', async () => {
    const w = await fundingWorld();
    const { id, version } = await createProposal(w.db, w.sme.viewer, { title: 'Line 3', matchId: '' });
    const first = await saveProposal(w.db, w.sme.viewer, { id, version, ...completeContent('A'), patents: [] });
    expect(first.version).toBe(version + 1);
    expect(await codeOf(saveProposal(w.db, w.sme.viewer, { id, version, ...completeContent('B'), patents: [] }))).toBe(
      'conflict:errors.conflict',
    );
    const [row] = await w.db.select().from(fundingProposals).where(eq(fundingProposals.id, id));
    expect(row.purposeDetails).toBe('A-PURPOSE');
    // another organisation's member cannot write it, and learns nothing of it
    expect(
      await codeOf(saveProposal(w.db, w.stranger.viewer, { id, version: 2, ...completeContent('C'), patents: [] })),
    ).toBe('not_found:errors.not_found');
  });

  it('offers only its own patents and those of its introduction: anything else refuses the whole save', async () => {
    const w = await fundingWorld();
    const alone = await createProposal(w.db, w.sme.viewer, { title: 'Alone', matchId: '' });
    const fromIntro = await createProposal(w.db, w.sme.viewer, { title: 'From intro', matchId: w.match.id });
    const seedPatent = { source: 'seed' as const, ipRecordId: w.ipRecordIds[0], right: 'exclusive_licence' as const };
    // a seed's patent without the introduction behind it
    expect(
      await codeOf(
        saveProposal(w.db, w.sme.viewer, { id: alone.id, version: 1, ...completeContent('x'), patents: [seedPatent] }),
      ),
    ).toBe('invalid:funding.errors.patent_not_yours');
    // a patent of a seed the SME was never introduced to
    const foreign = { source: 'seed' as const, ipRecordId: w.foreignRecordId, right: 'ownership' as const };
    expect(
      await codeOf(
        saveProposal(w.db, w.sme.viewer, {
          id: fromIntro.id,
          version: 1,
          ...completeContent('x'),
          patents: [seedPatent, foreign],
        }),
      ),
    ).toBe('invalid:funding.errors.patent_not_yours');
    const nothing = await w.db
      .select()
      .from(fundingPatents)
      .where(inArray(fundingPatents.proposalId, [alone.id, fromIntro.id]));
    expect(nothing).toEqual([]);
    const [row] = await w.db.select().from(fundingProposals).where(eq(fundingProposals.id, fromIntro.id));
    expect(row.version).toBe(1); // nothing half-stored
    // the introduction's own patents are copied from the seed
    await saveProposal(w.db, w.sme.viewer, {
      id: fromIntro.id,
      version: 1,
      ...completeContent('x'),
      patents: [seedPatent],
    });
    const [copied] = await w.db.select().from(fundingPatents).where(eq(fundingPatents.proposalId, fromIntro.id));
    expect(copied).toMatchObject({
      number: 'JP7000001',
      seedId: w.seedId,
      status: 'granted',
      right: 'exclusive_licence',
    });
    // and only one's own introductions can be the source of a proposal
    expect(await codeOf(createProposal(w.db, w.stranger.viewer, { title: 't', matchId: w.match.id }))).toBe(
      'invalid:errors.invalid',
    );
  });
});

describe('double submission', () => {
  it('the new-draft form sent twice, or five times at once, makes one draft; a new form makes another', async () => {
    const w = await fundingWorld();
    const requestKey = crypto.randomUUID();
    const input = { title: 'Twice', matchId: '', requestKey };
    const results = await Promise.all(Array.from({ length: 5 }, () => createProposal(w.db, w.sme.viewer, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    // a colleague's retry of the same request, a minute later, too
    expect((await createProposal(w.db, w.smeColleague.viewer, input)).id).toBe(results[0].id);
    const rows = await w.db
      .select({ id: fundingProposals.id })
      .from(fundingProposals)
      .where(eq(fundingProposals.organisationId, w.sme.user.organisationId));
    expect(rows.map((r) => r.id)).toEqual([results[0].id]);
    const audits = await w.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'funding.create'), eq(auditLogs.subjectId, results[0].id)));
    expect(audits).toHaveLength(1);
    // the same key in another organisation is another organisation's draft
    const theirs = await createProposal(w.db, w.stranger.viewer, input);
    expect(theirs.id).not.toBe(results[0].id);
    const another = await createProposal(w.db, w.sme.viewer, { ...input, requestKey: crypto.randomUUID() });
    expect(another.id).not.toBe(results[0].id);
  });

  it('the same document uploaded twice at once is stored once; the same name with new content is a new document', async () => {
    const w = await fundingWorld();
    const { id } = await readyProposal(w, 'twice');
    const file = { fileName: 'quote.pdf', bytes: pdfBytes('quote') };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => addProposalDocument(w.db, w.sme.viewer, id, file)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const stored = await w.db
      .select({ fileName: attachments.fileName })
      .from(attachments)
      .where(eq(attachments.ownerId, id));
    expect(stored.map((a) => a.fileName).sort()).toEqual(['quote.pdf', 'twice-business-plan.pdf']);
    const added = await w.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'funding.document_add'), eq(auditLogs.subjectId, id)));
    expect(added).toHaveLength(2); // readyProposal's document and this one, once
    const revised = await addProposalDocument(w.db, w.sme.viewer, id, { ...file, bytes: pdfBytes('quote v2') });
    expect(revised.created).toBe(true);
    expect(revised.id).not.toBe(results[0].id);
  });
});

describe('sharing with lenders', () => {
  it('needs a complete proposal and the partner’s consent to the version shared', async () => {
    const w = await fundingWorld();
    const { id } = await createProposal(w.db, w.sme.viewer, { title: 'Incomplete', matchId: w.match.id });
    const lenders = [w.lenderA.org.id];
    const incomplete = shareProposal(w.db, w.sme.viewer, {
      proposalId: id,
      version: 1,
      lenderOrganisationIds: lenders,
    });
    await expect(incomplete).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: expect.objectContaining({ amountJpy: expect.any(Array), patents: expect.any(Array) }),
    });
    const saved = await saveProposal(w.db, w.sme.viewer, {
      id,
      version: 1,
      ...completeContent('c'),
      patents: [{ source: 'seed', ipRecordId: w.ipRecordIds[1], right: 'non_exclusive_licence' }],
    });
    expect(
      await codeOf(
        shareProposal(w.db, w.sme.viewer, { proposalId: id, version: saved.version, lenderOrganisationIds: lenders }),
      ),
    ).toBe('conflict:funding.errors.consent_required');

    // the partner's researcher is asked, in their language, and consents to this version
    await w.db.update(users).set({ locale: 'ja' }).where(eq(users.id, w.researcher.user.id));
    await requestConsent(w.db, w.sme.viewer, id);
    const [ask] = await w.db
      .select()
      .from(outboxEmails)
      .where(
        and(eq(outboxEmails.toUserId, w.researcher.user.id), eq(outboxEmails.template, 'funding_consent_requested')),
      );
    expect(ask.subject).toBe('同意のお願い：資金調達の提案「Clad line c-TITLE」');
    // a researcher of another organisation cannot answer
    expect(
      await codeOf(
        answerConsent(w.db, w.otherResearcher.viewer, {
          proposalId: id,
          version: saved.version,
          decision: 'given',
          note: '',
        }),
      ),
    ).toBe('not_found:errors.not_found');
    await answerConsent(w.db, w.researcher.viewer, {
      proposalId: id,
      version: saved.version,
      decision: 'given',
      note: 'OK',
    });

    // an edit after the consent needs a new one
    const edited = await saveProposal(w.db, w.sme.viewer, {
      id,
      version: saved.version,
      ...completeContent('c2'),
      patents: [{ source: 'seed', ipRecordId: w.ipRecordIds[1], right: 'non_exclusive_licence' }],
    });
    expect(
      await codeOf(
        shareProposal(w.db, w.sme.viewer, { proposalId: id, version: edited.version, lenderOrganisationIds: lenders }),
      ),
    ).toBe('conflict:funding.errors.consent_required');
    await requestConsent(w.db, w.sme.viewer, id);
    // the partner answering for the version it saw before the edit is told it changed
    expect(
      await codeOf(
        answerConsent(w.db, w.researcher.viewer, {
          proposalId: id,
          version: saved.version,
          decision: 'given',
          note: '',
        }),
      ),
    ).toBe('conflict:funding.errors.changed_since');
    await answerConsent(w.db, w.researcher.viewer, {
      proposalId: id,
      version: edited.version,
      decision: 'given',
      note: '',
    });
    const result = await shareProposal(w.db, w.sme.viewer, {
      proposalId: id,
      version: edited.version,
      lenderOrganisationIds: lenders,
    });
    expect(result.shared).toBe(1);
    const [after] = await w.db.select().from(fundingProposals).where(eq(fundingProposals.id, id));
    expect(after.status).toBe('submitted');
    // a submitted proposal is no longer edited
    expect(
      await codeOf(
        saveProposal(w.db, w.sme.viewer, { id, version: after.version, ...completeContent('late'), patents: [] }),
      ),
    ).toBe('conflict:funding.errors.not_draft');
  });

  it('double submission: concurrent shares with the same lender make one share, the rest are told', async () => {
    const w = await fundingWorld();
    const { id, version } = await readyProposal(w, 'dbl');
    const input = { proposalId: id, version, lenderOrganisationIds: [w.lenderA.org.id, w.lenderB.org.id] };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => codeOf(shareProposal(w.db, w.sme.viewer, input))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'conflict:funding.errors.already_shared')).toHaveLength(5);
    const shares = await w.db.select().from(fundingShares).where(eq(fundingShares.proposalId, id));
    expect(shares).toHaveLength(2);
    const events = await w.db
      .select()
      .from(fundingShareEvents)
      .where(
        inArray(
          fundingShareEvents.shareId,
          shares.map((s) => s.id),
        ),
      );
    expect(events).toHaveLength(2);
    // each lender's staff heard of it once
    const told = await w.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.lenderA.user.id), eq(notifications.kind, 'funding_shared')));
    expect(told).toHaveLength(1);
  });

  it('refuses an organisation that is not a verified financial institution', async () => {
    const w = await fundingWorld();
    const { id, version } = await readyProposal(w, 'nl');
    const attempt = shareProposal(w.db, w.sme.viewer, {
      proposalId: id,
      version,
      lenderOrganisationIds: [w.lenderA.org.id, w.trader.user.organisationId],
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: { lenderOrganisationIds: ['funding.errors.not_a_lender'] },
    });
    expect(await w.db.select().from(fundingShares).where(eq(fundingShares.proposalId, id))).toEqual([]);
    const [row] = await w.db.select().from(fundingProposals).where(eq(fundingProposals.id, id));
    expect(row.status).toBe('draft');
  });
});

describe('a lender’s review', () => {
  it('question, answer, approval with terms; each step audited and told to the other side in their language', async () => {
    const w = await fundingWorld();
    await w.db.update(users).set({ locale: 'ja' }).where(eq(users.id, w.sme.user.id));
    const { id, version } = await readyProposal(w, 'flow');
    await shareProposal(w.db, w.sme.viewer, { proposalId: id, version, lenderOrganisationIds: [w.lenderA.org.id] });
    const [share] = await w.db.select().from(fundingShares).where(eq(fundingShares.proposalId, id));

    const step = (who: typeof w.lenderA.viewer, event: Parameters<typeof transitionShare>[3], v?: number) =>
      transitionShare(w.db, who, share.id, event, { expectedVersion: v });
    // the SME cannot take the lender's steps, nor the lender the SME's
    expect(await codeOf(step(w.sme.viewer, { type: 'start_review' }))).toBe('forbidden:errors.forbidden');
    let r = await step(w.lenderA.viewer, { type: 'start_review' }, 1);
    r = await step(
      w.lenderA.viewer,
      { type: 'request_info', question: 'What is the order backlog for 2027?' },
      r.version,
    );
    expect(await codeOf(step(w.lenderA.viewer, { type: 'resubmit', answer: 'x' }))).toBe('forbidden:errors.forbidden');
    r = await step(w.sme.viewer, { type: 'resubmit', answer: 'Orders worth ¥60M signed.' }, r.version);
    const terms = {
      amountJpy: 35_000_000,
      interestRatePercent: 1.35,
      termMonths: 84,
      conditions: 'Quarterly reports',
      collateral: 'JP7000001',
    };
    r = await step(w.lenderA.viewer, { type: 'approve', terms }, r.version);
    expect(r.to).toBe('approved');

    // a second decision on a decided proposal: a conflict, told
    expect(await codeOf(step(w.lenderA.viewer, { type: 'decline', reason: 'other', text: 'no' }))).toBe(
      'conflict:funding.errors.already_decided',
    );
    const [decided] = await w.db.select().from(fundingShares).where(eq(fundingShares.id, share.id));
    expect(decided).toMatchObject({
      status: 'approved',
      approvedAmountJpy: 35_000_000,
      interestRatePercent: 1.35,
      approvedTermMonths: 84,
    });

    // the approval is an outcome of the introduction the programme office counts, with the loan's amount
    const outcomes = await w.db.select().from(matchOutcomes).where(eq(matchOutcomes.matchId, w.match.id));
    expect(outcomes).toMatchObject([
      { kind: 'funding_obtained', amountJpy: 35_000_000, recordedBy: w.lenderA.user.id },
    ]);

    const events = await w.db
      .select()
      .from(fundingShareEvents)
      .where(eq(fundingShareEvents.shareId, share.id))
      .orderBy(fundingShareEvents.id);
    expect(events.map((e) => e.type)).toEqual(['submit', 'start_review', 'request_info', 'resubmit', 'approve']);
    expect(events.find((e) => e.type === 'request_info')?.note).toBe('What is the order backlog for 2027?');
    const audits = await w.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(and(eq(auditLogs.subjectType, 'funding_share'), eq(auditLogs.subjectId, share.id)))
      .orderBy(auditLogs.id);
    expect(audits.map((a) => a.action)).toEqual([
      'funding.submit',
      'funding.start_review',
      'funding.request_info',
      'funding.resubmit',
      'funding.approve',
    ]);
    const smeMail = await w.db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toUserId, w.sme.user.id), eq(outboxEmails.template, 'funding_approved')));
    expect(smeMail).toHaveLength(1);
    expect(smeMail[0].locale).toBe('ja');
    expect(smeMail[0].textBody).toContain('35,000,000円');
    const lenderMail = await w.db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toUserId, w.lenderA.user.id), eq(outboxEmails.template, 'funding_resubmitted')));
    expect(lenderMail[0].locale).toBe('en');
    const coordinatorNotice = await w.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.coordinator.user.id), eq(notifications.kind, 'funding_decided')));
    expect(coordinatorNotice).toHaveLength(1);
  });

  it('a loan on a proposal the SME made alone is counted for the company; a decline counts nothing', async () => {
    const w = await fundingWorld();
    const own = {
      source: 'own' as const,
      number: 'JP7111111',
      title: 'Own patent',
      jurisdiction: 'JP',
      status: 'granted' as const,
      filedOn: '2020-01-15',
      grantedOn: '2022-01-15',
      expiresOn: '',
      right: 'ownership' as const,
    };
    const alone = async (tag: string) => {
      const { id } = await createProposal(w.db, w.sme.viewer, { title: tag, matchId: '' });
      const saved = await saveProposal(w.db, w.sme.viewer, { id, version: 1, ...completeContent(tag), patents: [own] });
      await shareProposal(w.db, w.sme.viewer, {
        proposalId: id,
        version: saved.version,
        lenderOrganisationIds: [w.lenderA.org.id],
      });
      const [share] = await w.db.select().from(fundingShares).where(eq(fundingShares.proposalId, id));
      await transitionShare(w.db, w.lenderA.viewer, share.id, { type: 'start_review' });
      return share.id;
    };
    const terms = { amountJpy: 12_000_000, interestRatePercent: 1.2, termMonths: 60, conditions: '', collateral: '' };
    await transitionShare(w.db, w.lenderA.viewer, await alone('approved'), { type: 'approve', terms });
    await transitionShare(w.db, w.lenderA.viewer, await alone('declined'), {
      type: 'decline',
      reason: 'cash_flow_insufficient',
    });
    const outcomes = await w.db
      .select()
      .from(matchOutcomes)
      .where(eq(matchOutcomes.organisationId, w.sme.user.organisationId));
    expect(outcomes).toMatchObject([{ kind: 'funding_obtained', amountJpy: 12_000_000, matchId: null }]);
  });

  it('two lenders of one bank deciding at once: exactly one decision stands', async () => {
    const w = await fundingWorld();
    const { id, version } = await readyProposal(w, 'race');
    await shareProposal(w.db, w.sme.viewer, { proposalId: id, version, lenderOrganisationIds: [w.lenderA.org.id] });
    const [share] = await w.db.select().from(fundingShares).where(eq(fundingShares.proposalId, id));
    const reviewed = await transitionShare(w.db, w.lenderA.viewer, share.id, { type: 'start_review' });
    const { makeUser } = await import('../support/factories');
    const colleague = await makeUser('lender', { organisationId: w.lenderA.org.id });
    const terms = { amountJpy: 1_000_000, interestRatePercent: 2, termMonths: 12, conditions: '', collateral: '' };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        codeOf(
          transitionShare(
            w.db,
            i % 2 ? colleague.viewer : w.lenderA.viewer,
            share.id,
            i % 3 ? { type: 'approve', terms } : { type: 'decline', reason: 'insufficient_collateral' },
            { expectedVersion: reviewed.version },
          ),
        ),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.every((r) => r === 'ok' || r.startsWith('conflict:'))).toBe(true);
    const decisions = await w.db
      .select()
      .from(fundingShareEvents)
      .where(and(eq(fundingShareEvents.shareId, share.id), inArray(fundingShareEvents.type, ['approve', 'decline'])));
    expect(decisions).toHaveLength(1);
  });

  it('withdrawal ends the lender’s access at once; sharing again starts afresh', async () => {
    const w = await fundingWorld();
    const { id, version } = await readyProposal(w, 'wd');
    await shareProposal(w.db, w.sme.viewer, {
      proposalId: id,
      version,
      lenderOrganisationIds: [w.lenderA.org.id, w.lenderB.org.id],
    });
    const shares = await w.db.select().from(fundingShares).where(eq(fundingShares.proposalId, id));
    const shareB = shares.find((s) => s.lenderOrganisationId === w.lenderB.org.id)!;
    await transitionShare(w.db, w.lenderB.viewer, shareB.id, { type: 'start_review' });
    await transitionShare(w.db, w.sme.viewer, shareB.id, { type: 'withdraw' });

    expect(await getProposalForViewer(w.lenderB.viewer, id)).toBeNull();
    expect((await listLenderInbox(w.lenderB.viewer)).map((r) => r.proposalId)).not.toContain(id);
    expect(await listLenderInbox(w.lenderB.viewer, 'withdrawn')).toEqual([]);
    expect(await getEvaluationSheet(w.lenderB.viewer, id)).toBeNull();
    // the withdrawn share used afterwards: not found, whatever the step
    for (const event of [{ type: 'request_info', question: 'q' }, { type: 'start_review' }] as const)
      expect(await codeOf(transitionShare(w.db, w.lenderB.viewer, shareB.id, event))).toBe(
        'not_found:errors.not_found',
      );
    expect(
      await codeOf(
        saveEvaluation(w.db, w.lenderB.viewer, { shareId: shareB.id, version: 0, notes: '', valuations: [] }),
      ),
    ).toBe('not_found:errors.not_found');
    const notice = await w.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.lenderB.user.id), eq(notifications.kind, 'funding_withdrawn')));
    expect(notice[0].href).toBe('/funding');
    // lender A goes on as before
    expect((await getProposalForViewer(w.lenderA.viewer, id))?.shares.map((s) => s.status)).toEqual(['submitted']);

    await transitionShare(w.db, w.sme.viewer, shareB.id, { type: 'reshare' });
    expect((await getProposalForViewer(w.lenderB.viewer, id))?.shares.map((s) => s.status)).toEqual(['submitted']);
  });
});

describe('the IP evaluation sheet', () => {
  it('shows each patent with its standing and the lender’s own valuation; coverage follows the formula', async () => {
    const w = await fundingWorld();
    const { id, version } = await readyProposal(w, 'eval');
    await shareProposal(w.db, w.sme.viewer, {
      proposalId: id,
      version,
      lenderOrganisationIds: [w.lenderA.org.id, w.lenderB.org.id],
    });
    const sheet = (await getEvaluationSheet(w.lenderA.viewer, id, new Date('2026-04-01T00:00:00Z')))!;
    expect(sheet.patents.map((p) => [p.source, p.status, p.jurisdiction, p.right, p.remainingMonths])).toEqual([
      ['own', 'granted', 'JP', 'ownership', 165],
      ['seed', 'granted', 'JP', 'exclusive_licence', 156],
    ]);
    expect(sheet.patents[1].seed).toMatchObject({ id: w.seedId, trl: 5 });
    expect(sheet.introduction?.id).toBe(w.match.id);
    expect(sheet.coverage.ratio).toBeNull();

    const [own, seedPatent] = sheet.patents;
    const saved = await saveEvaluation(w.db, w.lenderA.viewer, {
      shareId: sheet.shareId,
      version: 0,
      advanceRatePercent: 50,
      notes: 'LENDER-A-PRIVATE-NOTES',
      valuations: [
        { patentId: own.id, method: 'income', valueJpy: 30_000_000 },
        { patentId: seedPatent.id, method: 'relief_from_royalty', valueJpy: 50_000_000 },
      ],
    });
    const after = (await getEvaluationSheet(w.lenderA.viewer, id))!;
    expect(after.coverage).toEqual({ valuedTotalJpy: 80_000_000, collateralJpy: 40_000_000, ratio: 1, valuedCount: 2 });
    // a stale form is told
    expect(
      await codeOf(
        saveEvaluation(w.db, w.lenderA.viewer, { shareId: sheet.shareId, version: 0, notes: '', valuations: [] }),
      ),
    ).toBe('conflict:funding.errors.changed_since');
    // lender B's sheet is its own: nothing of A's inputs
    const other = (await getEvaluationSheet(w.lenderB.viewer, id))!;
    expect(other.version).toBe(0);
    expect(JSON.stringify(other)).not.toContain('LENDER-A-PRIVATE-NOTES');
    expect(other.patents.every((p) => p.valueJpy === null)).toBe(true);
    // nor can B write A's evaluation
    expect(
      await codeOf(
        saveEvaluation(w.db, w.lenderB.viewer, {
          shareId: sheet.shareId,
          version: saved.version,
          notes: 'x',
          valuations: [],
        }),
      ),
    ).toBe('not_found:errors.not_found');
    // the SME and the coordinator do not get the sheet
    expect(await getEvaluationSheet(w.sme.viewer, id)).toBeNull();
    expect(await getEvaluationSheet(w.coordinator.viewer, id)).toBeNull();
  });

  it('keeps the lender’s evaluation when the SME withdraws and shares again: hidden while withdrawn, back as it was', async () => {
    const w = await fundingWorld();
    const { id, version } = await readyProposal(w, 'keep');
    await shareProposal(w.db, w.sme.viewer, { proposalId: id, version, lenderOrganisationIds: [w.lenderA.org.id] });
    const sheet = (await getEvaluationSheet(w.lenderA.viewer, id))!;
    await transitionShare(w.db, w.lenderA.viewer, sheet.shareId, { type: 'start_review' });
    const saved = await saveEvaluation(w.db, w.lenderA.viewer, {
      shareId: sheet.shareId,
      version: 0,
      advanceRatePercent: 60,
      notes: 'KEEP-LENDER-NOTES',
      valuations: sheet.patents.map((p, i) => ({
        patentId: p.id,
        method: 'income' as const,
        valueJpy: (i + 1) * 10_000_000,
      })),
    });
    const before = (await getEvaluationSheet(w.lenderA.viewer, id))!;

    await transitionShare(w.db, w.sme.viewer, sheet.shareId, { type: 'withdraw' });
    expect(await getEvaluationSheet(w.lenderA.viewer, id)).toBeNull(); // the lender's access ends at once
    await transitionShare(w.db, w.sme.viewer, sheet.shareId, { type: 'reshare' });

    const after = (await getEvaluationSheet(w.lenderA.viewer, id))!;
    expect(after.shareId).toBe(sheet.shareId);
    expect(after.version).toBe(saved.version);
    expect(after.notes).toBe('KEEP-LENDER-NOTES');
    expect(after.advanceRatePercent).toBe(60);
    expect(after.patents.map((p) => [p.id, p.method, p.valueJpy])).toEqual(
      before.patents.map((p) => [p.id, p.method, p.valueJpy]),
    );
    expect(after.coverage).toEqual(before.coverage);
    // the lender goes on from its saved version
    expect(
      (
        await saveEvaluation(w.db, w.lenderA.viewer, {
          shareId: sheet.shareId,
          version: after.version,
          advanceRatePercent: 55,
          notes: 'KEEP-LENDER-NOTES 2',
          valuations: [],
        })
      ).version,
    ).toBe(saved.version + 1);
    // and a shared proposal never goes back to a draft whose patents could be replaced
    const [row] = await w.db.select().from(fundingProposals).where(eq(fundingProposals.id, id));
    expect(row.status).toBe('submitted');
  });
});

describe('lists', () => {
  it('the SME sees its drafts; coordinators of the cluster see submitted proposals and decisions; lenders their own shares', async () => {
    const w = await fundingWorld();
    const draft = await createProposal(w.db, w.sme.viewer, { title: 'Only a draft', matchId: '' });
    const { id, version } = await readyProposal(w, 'lists');
    await shareProposal(w.db, w.sme.viewer, {
      proposalId: id,
      version,
      lenderOrganisationIds: [w.lenderA.org.id, w.lenderB.org.id],
    });
    const mine = (await listOwnProposals(w.smeColleague.viewer)).map((p) => p.id);
    expect(mine).toEqual(expect.arrayContaining([draft.id, id]));
    const cluster = await listClusterProposals(w.coordinator.viewer);
    expect(cluster.map((p) => p.id)).toContain(id);
    expect(cluster.map((p) => p.id)).not.toContain(draft.id);
    expect(cluster.find((p) => p.id === id)?.shares).toHaveLength(2);
    expect((await listClusterProposals(w.otherCoordinator.viewer)).map((p) => p.id)).not.toContain(id);
    const inbox = await listLenderInbox(w.lenderA.viewer);
    expect(inbox.filter((r) => r.proposalId === id)).toHaveLength(1);
    expect(JSON.stringify(inbox)).not.toContain(w.lenderB.org.nameEn);
    expect(await listLenderInbox(w.lenderC.viewer)).toEqual([]);
  });
});
