import { getDb } from '@/db';
import { ipRecords, needs, seeds } from '@/db/schema/listings';
import { matches } from '@/db/schema/matching';
import { addProposalDocument } from '@/lib/funding/documents';
import { createProposal, saveProposal } from '@/lib/funding/proposals';
import type { SaveProposalInput } from '@/lib/funding/validation';
import { makeCluster, makeOrganisation, makeUser, unique } from './factories';

/** A minimal PDF: file-type knows it by its `%PDF-` signature, as a real reader would. */
export function pdfBytes(text = 'hello', padTo = 0): Uint8Array {
  const body = `%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n`;
  const pad = Math.max(0, padTo - body.length - 6);
  return new TextEncoder().encode(`${body}${'%'.repeat(pad)}\n%%EOF`);
}

/** A PNG signature and header: an image, whatever its name says. */
export function pngBytes(): Uint8Array {
  return Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
    0, 0, 0, 0x90, 0x77, 0x53, 0xde,
  ]);
}

/**
 * A cluster with its coordinator; an SME introduced to a university's seed (two IP records);
 * three banks; and the outsiders who must see nothing. Content fields carry sentinel strings.
 */
export async function fundingWorld() {
  const db = await getDb();
  const cluster = await makeCluster();
  const coordinator = await makeUser('coordinator', { coordinates: [cluster.id] });
  const otherCoordinator = await makeUser('coordinator', { coordinates: [(await makeCluster()).id] });
  const sme = await makeUser('sme', { clusterIds: [cluster.id] });
  const smeColleague = await makeUser('sme', { organisationId: sme.user.organisationId });
  const researcher = await makeUser('researcher', { clusterIds: [cluster.id] });
  const otherResearcher = await makeUser('researcher', { clusterIds: [cluster.id] });
  const lenders = [];
  for (const name of ['A', 'B', 'C']) {
    const org = await makeOrganisation('financial_institution', { clusterIds: [cluster.id] });
    lenders.push({ name, org, ...(await makeUser('lender', { organisationId: org.id })) });
  }
  const [lenderA, lenderB, lenderC] = lenders;
  const stranger = await makeUser('sme', { clusterIds: [cluster.id] });
  const trader = await makeUser('trading', { clusterIds: [cluster.id] });
  const admin = await makeUser('admin');

  const listing = async (
    table: typeof needs | typeof seeds,
    owner: { user: { id: string; organisationId: string } },
  ) => {
    const [row] = await db
      .insert(table)
      .values({
        organisationId: owner.user.organisationId,
        createdBy: owner.user.id,
        contactUserId: owner.user.id,
        language: 'en',
        title: `${table === needs ? 'need' : 'seed'} ${unique()}`,
        summary: 's',
        domain: 'manufacturing',
        status: 'open',
        publishedAt: new Date(),
        ...(table === seeds ? { trl: 5 } : {}),
      })
      .returning({ id: table.id });
    return row.id;
  };
  const needId = await listing(needs, sme);
  const seedId = await listing(seeds, researcher);
  const records = await db
    .insert(ipRecords)
    .values([
      {
        seedId,
        number: 'JP7000001',
        jurisdiction: 'JP',
        status: 'granted',
        title: 'Laser clad layer',
        filedOn: '2019-04-01',
        grantedOn: '2022-06-01',
      },
      { seedId, number: null, jurisdiction: 'JP', status: 'filed', title: 'Clad monitoring', filedOn: '2024-02-01' },
    ])
    .returning({ id: ipRecords.id });
  const [match] = await db
    .insert(matches)
    .values({ kind: 'manual', needId, seedId, clusterId: cluster.id, status: 'introduced' })
    .returning();
  // another university's seed, introduced to nobody here: its patents are not the SME's to offer
  const foreignSeedId = await listing(seeds, otherResearcher);
  const [foreignRecord] = await db
    .insert(ipRecords)
    .values({
      seedId: foreignSeedId,
      jurisdiction: 'JP',
      status: 'granted',
      number: 'JP7999999',
      title: 'Not yours',
      filedOn: '2018-01-01',
    })
    .returning({ id: ipRecords.id });

  return {
    db,
    cluster,
    coordinator,
    otherCoordinator,
    sme,
    smeColleague,
    researcher,
    otherResearcher,
    lenderA,
    lenderB,
    lenderC,
    stranger,
    trader,
    admin,
    needId,
    seedId,
    match,
    ipRecordIds: records.map((r) => r.id),
    foreignRecordId: foreignRecord.id,
  };
}
export type FundingWorld = Awaited<ReturnType<typeof fundingWorld>>;

/** Complete content for a draft, each free-text field carrying `tag`. */
export function completeContent(tag: string): Omit<SaveProposalInput, 'id' | 'version' | 'patents'> {
  return {
    title: `Clad line ${tag}-TITLE`,
    purpose: 'equipment',
    purposeDetails: `${tag}-PURPOSE`,
    amountJpy: 40_000_000,
    termMonths: 84,
    repaymentMethod: 'equal_principal',
    gracePeriodMonths: 12,
    repaymentPlan: `${tag}-REPAYMENT`,
    businessPlan: `${tag}-PLAN`,
    projectedRevenue: [
      { year: 2027, revenueJpy: 120_000_000, profitJpy: 8_000_000 },
      { year: 2028, revenueJpy: 180_000_000, profitJpy: 15_000_000 },
    ],
  };
}

/**
 * A complete proposal from the world's introduction (one own patent, one of the seed's), a
 * document, and the partner's consent; not yet shared. Returns its id and current version.
 */
export async function readyProposal(w: FundingWorld, tag: string) {
  const { db, sme } = w;
  const { id } = await createProposal(db, sme.viewer, { title: 'draft', matchId: w.match.id });
  const saved = await saveProposal(db, sme.viewer, {
    id,
    version: 1,
    ...completeContent(tag),
    patents: [
      {
        source: 'own',
        number: `${tag}-OWNNO`,
        title: `${tag}-OWN-PATENT`,
        jurisdiction: 'jp',
        status: 'granted',
        filedOn: '2020-01-15',
        grantedOn: '2023-03-01',
        expiresOn: '',
        right: 'ownership',
      },
      { source: 'seed', ipRecordId: w.ipRecordIds[0], right: 'exclusive_licence' },
    ],
  });
  const document = await addProposalDocument(db, sme.viewer, id, {
    fileName: `${tag}-business-plan.pdf`,
    bytes: pdfBytes(`${tag}-DOCUMENT-CONTENT`),
  });
  const { requestConsent, answerConsent } = await import('@/lib/funding/consent');
  await requestConsent(db, sme.viewer, id);
  await answerConsent(db, w.researcher.viewer, { proposalId: id, version: saved.version, decision: 'given', note: '' });
  return { id, version: saved.version, document };
}
