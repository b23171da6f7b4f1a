import { count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { attachmentChunks, attachments } from '@/db/schema/attachments';
import { auditLogs } from '@/db/schema/accounts';
import { fundingShares } from '@/db/schema/funding';
import type { Viewer } from '@/lib/auth/policy';
import { MAX_ATTACHMENT_BYTES } from '@/lib/attachments/limits';
import { CHUNK_BYTES } from '@/lib/attachments/store';
import { AppError } from '@/lib/errors';
import { getAccessLog } from '@/lib/funding/access-log';
import { addProposalDocument, openProposalDocument, removeProposalDocument } from '@/lib/funding/documents';
import { getEvaluationSheet, saveEvaluation } from '@/lib/funding/evaluation';
import { listClusterProposals, listLenderInbox, listOwnProposals, listPartnerProposals } from '@/lib/funding/lists';
import { shareProposal } from '@/lib/funding/sharing';
import { transitionShare } from '@/lib/funding/transition';
import { getProposalForViewer } from '@/lib/funding/view';
import { listOutbox } from '@/lib/mail/data';
import { fundingWorld, pdfBytes, pngBytes, readyProposal, type FundingWorld } from '../support/funding-world';

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${error.messageKey}` : String(error);
  }
};
const leaks = (value: unknown, sentinels: string[]) => {
  const text = JSON.stringify(value);
  return sentinels.filter((s) => text.includes(s));
};

beforeAll(async () => {
  await getDb();
}, 180_000);

/**
 * A proposal shared with lenders A and B, each with its own question, answer, decision and
 * evaluation notes, every text a sentinel: who may see which is then read from every output.
 */
async function sharedProposal(w: FundingWorld) {
  const tag = `S${crypto.randomUUID().slice(0, 6)}`;
  const { id, version, document } = await readyProposal(w, tag);
  await shareProposal(w.db, w.sme.viewer, {
    proposalId: id,
    version,
    lenderOrganisationIds: [w.lenderA.org.id, w.lenderB.org.id],
  });
  const shares = await w.db.select().from(fundingShares).where(eq(fundingShares.proposalId, id));
  const shareOf = (org: string) => shares.find((s) => s.lenderOrganisationId === org)!.id;
  const a = shareOf(w.lenderA.org.id);
  const b = shareOf(w.lenderB.org.id);
  for (const [lender, share, name] of [
    [w.lenderA, a, 'A'],
    [w.lenderB, b, 'B'],
  ] as const) {
    await transitionShare(w.db, lender.viewer, share, { type: 'start_review' });
    await transitionShare(w.db, lender.viewer, share, { type: 'request_info', question: `${tag}-${name}-QUESTION` });
    await transitionShare(w.db, w.sme.viewer, share, { type: 'resubmit', answer: `${tag}-${name}-ANSWER` });
    const sheet = (await getEvaluationSheet(lender.viewer, id))!;
    await saveEvaluation(w.db, lender.viewer, {
      shareId: share,
      version: 0,
      advanceRatePercent: 40,
      notes: `${tag}-${name}-EVALUATION`,
      valuations: sheet.patents.map((p) => ({ patentId: p.id, method: 'cost' as const, valueJpy: 12_345_678 })),
    });
  }
  await transitionShare(w.db, w.lenderA.viewer, a, {
    type: 'approve',
    terms: {
      amountJpy: 33_000_000,
      interestRatePercent: 1.1,
      termMonths: 60,
      conditions: `${tag}-A-TERMS`,
      collateral: `${tag}-A-COLLATERAL`,
    },
  });
  await transitionShare(w.db, w.lenderB.viewer, b, { type: 'decline', reason: 'other', text: `${tag}-B-DECLINE` });
  const content = ['TITLE', 'PURPOSE', 'REPAYMENT', 'PLAN', 'OWN-PATENT', 'OWNNO', 'business-plan.pdf'].map(
    (s) => `${tag}-${s}`,
  );
  const perLender = (n: 'A' | 'B') => [
    `${tag}-${n}-QUESTION`,
    `${tag}-${n}-ANSWER`,
    `${tag}-${n}-EVALUATION`,
    ...(n === 'A' ? [`${tag}-A-TERMS`, `${tag}-A-COLLATERAL`] : [`${tag}-B-DECLINE`]),
  ];
  return { id, document, shareA: a, shareB: b, content, a: perLender('A'), b: perLender('B') };
}

/** Everything a viewer can get of funding through the data layer (what pages, downloads and the API are built from). */
async function everythingFor(w: FundingWorld, viewer: Viewer, p: Awaited<ReturnType<typeof sharedProposal>>) {
  return {
    proposal: await getProposalForViewer(viewer, p.id),
    sheet: await getEvaluationSheet(viewer, p.id),
    log: await getAccessLog(viewer, p.id),
    own: await listOwnProposals(viewer),
    partner: await listPartnerProposals(viewer),
    cluster: await listClusterProposals(viewer),
    inbox: await listLenderInbox(viewer),
    download: await codeOf(openProposalDocument(w.db, viewer, p.id, p.document.id)),
  };
}

describe('who sees a funding proposal (sentinels searched in everything each role gets)', () => {
  it('outsiders get nothing: other SMEs, a researcher who is not the partner, trading firms, an unasked bank, another cluster’s coordinator, the programme office', async () => {
    const w = await fundingWorld();
    const p = await sharedProposal(w);
    const secrets = [...p.content, ...p.a, ...p.b];
    for (const [name, viewer] of Object.entries({
      stranger: w.stranger.viewer,
      otherResearcher: w.otherResearcher.viewer,
      trader: w.trader.viewer,
      lenderC: w.lenderC.viewer,
      otherCoordinator: w.otherCoordinator.viewer,
      admin: w.admin.viewer,
    })) {
      const all = await everythingFor(w, viewer, p);
      expect(all.proposal, name).toBeNull();
      expect(all.sheet, name).toBeNull();
      expect(all.log, name).toBeNull();
      expect(all.download, name).toBe('not_found:errors.not_found');
      expect(leaks(all, secrets), name).toEqual([]);
      for (const share of [p.shareA, p.shareB])
        expect(await codeOf(transitionShare(w.db, viewer, share, { type: 'withdraw' })), name).toBe(
          'not_found:errors.not_found',
        );
    }
  });

  it('a lender sees the proposal and its own review only: never another lender’s name, questions, terms or evaluation', async () => {
    const w = await fundingWorld();
    const p = await sharedProposal(w);
    const a = await everythingFor(w, w.lenderA.viewer, p);
    expect(leaks(a, p.content)).toEqual(p.content);
    expect(leaks(a, p.a)).toEqual(p.a);
    expect(leaks(a, [...p.b, w.lenderB.org.nameEn, w.lenderB.org.nameJa])).toEqual([]);
    expect(a.proposal?.shares).toHaveLength(1);
    expect(a.log).toBeNull(); // the access log names the other lenders
    expect(a.download).toBe('ok');
    const b = await everythingFor(w, w.lenderB.viewer, p);
    expect(leaks(b, [...p.a, w.lenderA.org.nameEn, w.lenderA.org.nameJa])).toEqual([]);
  });

  it('the SME and its consenting partner see every lender’s review; the cluster’s coordinators the decisions, not the questions nor the evaluations', async () => {
    const w = await fundingWorld();
    const p = await sharedProposal(w);
    const evaluations = [p.a[2], p.b[2]];
    for (const viewer of [w.sme.viewer, w.smeColleague.viewer, w.researcher.viewer]) {
      const all = await everythingFor(w, viewer, p);
      expect(all.proposal?.shares).toHaveLength(2);
      const shown = [...p.content, ...p.a, ...p.b].filter((s) => !evaluations.includes(s));
      expect(leaks(all, shown)).toEqual(shown);
      expect(leaks(all, evaluations)).toEqual([]);
      expect(all.download).toBe('ok');
    }
    const c = await everythingFor(w, w.coordinator.viewer, p);
    expect(c.proposal?.shares.map((s) => s.status).sort()).toEqual(['approved', 'declined']);
    expect(leaks(c, p.content)).toEqual(p.content);
    expect(leaks(c, [`${p.a[3]}`])).toEqual([p.a[3]]); // the approved terms
    const qa = [p.a[0], p.a[1], p.b[0], p.b[1], p.b[3], ...evaluations];
    expect(leaks(c, qa)).toEqual([]);
  });
});

describe('the programme office’s own pages', () => {
  it('its audit log and mail outbox record what happened to a proposal, not what it says', async () => {
    const w = await fundingWorld();
    const p = await sharedProposal(w);
    const secrets = [...p.content, ...p.a, ...p.b];
    const audit = await w.db
      .select({ action: auditLogs.action, details: auditLogs.details })
      .from(auditLogs)
      .where(inArray(auditLogs.subjectId, [p.id, p.shareA, p.shareB]));
    expect(audit.map((a) => a.action)).toContain('funding.document_add');
    expect(leaks(audit, secrets)).toEqual([]);
    const mails = (await listOutbox(1000)).filter((m) =>
      [w.sme, w.lenderA, w.lenderB, w.researcher].some((u) => u.user.email === m.toAddress),
    );
    expect(mails.length).toBeGreaterThan(5);
    expect(mails.every((m) => m.subject === null)).toBe(true);
    expect(leaks(mails, secrets)).toEqual([]);
  });
});

describe('documents', () => {
  const attachmentCount = async (db: Awaited<ReturnType<typeof getDb>>, proposalId: string) =>
    Number((await db.select({ n: count() }).from(attachments).where(eq(attachments.ownerId, proposalId)))[0].n);

  it('refuses, storing nothing: a non-PDF renamed .pdf, unknown content, an oversized file, a script in the name, no extension, too many files', async () => {
    const w = await fundingWorld();
    const { id } = await readyProposal(w, 'docs');
    const before = await attachmentCount(w.db, id);
    const add = (fileName: string, bytes: Uint8Array) =>
      codeOf(addProposalDocument(w.db, w.sme.viewer, id, { fileName, bytes }));
    expect(await add('scan.pdf', pngBytes())).toBe('invalid:attachments.errors.type_mismatch?detected=PNG&claimed=PDF');
    expect(await add('notes.pdf', new TextEncoder().encode('just some text, not a PDF'))).toBe(
      'invalid:attachments.errors.unknown_type',
    );
    expect(await add('run.pdf', new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'))).toBe(
      'invalid:attachments.errors.unknown_type',
    );
    expect(await add('big.pdf', pdfBytes('big', MAX_ATTACHMENT_BYTES + 1))).toBe(
      'invalid:attachments.errors.too_large?maxMb=10',
    );
    expect(await add('<script>alert(1)</script>.pdf', pdfBytes())).toBe('invalid:attachments.errors.name_invalid');
    expect(await add('plan', pdfBytes())).toBe('invalid:attachments.errors.name_invalid');
    expect(await add('empty.pdf', new Uint8Array())).toBe('invalid:attachments.errors.empty');
    expect(await attachmentCount(w.db, id)).toBe(before);
    for (let i = before; i < 20; i++) expect(await add(`doc-${i}.pdf`, pdfBytes(`${i}`))).toBe('ok');
    expect(await add('one-too-many.pdf', pdfBytes())).toBe('invalid:attachments.errors.too_many?max=20');
    expect(await attachmentCount(w.db, id)).toBe(20);
    // only the proposing organisation adds or removes documents
    expect(
      await codeOf(addProposalDocument(w.db, w.researcher.viewer, id, { fileName: 'x.pdf', bytes: pdfBytes() })),
    ).toBe('not_found:errors.not_found');
  });

  it('stores large files in chunks and serves them back byte for byte, as an attachment that is never cached or sniffed', async () => {
    const w = await fundingWorld();
    const { id, version } = await readyProposal(w, 'big');
    await shareProposal(w.db, w.sme.viewer, { proposalId: id, version, lenderOrganisationIds: [w.lenderA.org.id] });
    const bytes = pdfBytes('large', 2 * CHUNK_BYTES + 1234);
    const meta = await addProposalDocument(w.db, w.sme.viewer, id, { fileName: '事業計画書 2026.pdf', bytes });
    const [{ n }] = await w.db
      .select({ n: count() })
      .from(attachmentChunks)
      .where(eq(attachmentChunks.attachmentId, meta.id));
    expect(Number(n)).toBe(3);
    const response = await openProposalDocument(w.db, w.lenderA.viewer, id, meta.id);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="_____ 2026.pdf"; filename*=UTF-8''${encodeURIComponent('事業計画書 2026.pdf')}`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    // an id of another proposal's document finds nothing through this proposal
    const other = await readyProposal(w, 'other');
    expect(await codeOf(openProposalDocument(w.db, w.sme.viewer, id, other.document.id))).toBe(
      'not_found:errors.not_found',
    );
    // removed: gone with its bytes
    await removeProposalDocument(w.db, w.sme.viewer, id, meta.id);
    expect(
      await w.db
        .select()
        .from(attachmentChunks)
        .where(inArray(attachmentChunks.attachmentId, [meta.id])),
    ).toEqual([]);
    expect(await codeOf(openProposalDocument(w.db, w.lenderA.viewer, id, meta.id))).toBe('not_found:errors.not_found');
  });
});

describe('access log', () => {
  it('records who at which lender viewed the proposal and downloaded which document, for the SME to read', async () => {
    const w = await fundingWorld();
    const { id, version, document } = await readyProposal(w, 'log');
    await shareProposal(w.db, w.sme.viewer, { proposalId: id, version, lenderOrganisationIds: [w.lenderA.org.id] });
    await getProposalForViewer(w.sme.viewer, id); // its own organisation: not logged
    await getProposalForViewer(w.lenderA.viewer, id);
    await getProposalForViewer(w.lenderA.viewer, id); // a reload within minutes: one entry
    const download = await openProposalDocument(w.db, w.lenderA.viewer, id, document.id);
    await download.arrayBuffer();
    await getProposalForViewer(w.coordinator.viewer, id);
    const log = (await getAccessLog(w.sme.viewer, id))!;
    expect(log.rows.map((r) => [r.action, r.userName, r.organisationNameEn, r.fileName])).toEqual([
      ['viewed', w.coordinator.user.name, expect.any(String), null],
      ['downloaded', w.lenderA.user.name, w.lenderA.org.nameEn, 'log-business-plan.pdf'],
      ['viewed', w.lenderA.user.name, w.lenderA.org.nameEn, null],
    ]);
    expect((await getAccessLog(w.researcher.viewer, id))?.rows).toHaveLength(3);
    expect((await getAccessLog(w.coordinator.viewer, id))?.rows).toHaveLength(3);
  });
});
