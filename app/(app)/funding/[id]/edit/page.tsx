import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { DocumentsPanel } from '@/components/attachments/documents-panel';
import { ProposalForm } from '@/components/funding/proposal-form';
import { getDb } from '@/db';
import { ipStatuses } from '@/db/vocabulary/listings';
import { requirePermission } from '@/lib/auth/guard';
import { listOfferableIpRecords } from '@/lib/funding/patents';
import { listLenderInstitutions } from '@/lib/funding/sharing';
import { getProposalForViewer, type ProposalView } from '@/lib/funding/view';
import type { ProposalFormValues } from '@/lib/funding/validation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('funding'))('detail.edit') };
}

type Props = { params: Promise<{ id: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (n: number | null) => (n === null ? '' : String(n));

function formValues(p: ProposalView): ProposalFormValues {
  return {
    id: p.id,
    version: p.version,
    title: p.title,
    purpose: p.purpose ?? '',
    purposeDetails: p.purposeDetails,
    amountJpy: str(p.amountJpy),
    termMonths: str(p.termMonths),
    repaymentMethod: p.repaymentMethod ?? '',
    gracePeriodMonths: str(p.gracePeriodMonths),
    repaymentPlan: p.repaymentPlan,
    businessPlan: p.businessPlan,
    projectedRevenue: p.projectedRevenue.map((y) => ({
      year: String(y.year),
      revenueJpy: String(y.revenueJpy),
      profitJpy: str(y.profitJpy),
    })),
    patents: p.patents.map((x): NonNullable<ProposalFormValues['patents']>[number] =>
      x.source === 'seed'
        ? { source: 'seed', ipRecordId: x.ipRecordId ?? '', right: x.right }
        : {
            source: 'own',
            number: x.number ?? '',
            title: x.title,
            jurisdiction: x.jurisdiction,
            status: x.status,
            filedOn: x.filedOn ?? '',
            grantedOn: x.grantedOn ?? '',
            expiresOn: x.expiresOn ?? '',
            right: x.right,
          },
    ),
  };
}

export default async function EditProposalPage({ params }: Props) {
  const viewer = await requirePermission('funding.propose');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const proposal = await getProposalForViewer(viewer, id);
  if (proposal?.relation !== 'owner') notFound();
  if (proposal.status !== 'draft') redirect(`/funding/${id}`);
  const db = await getDb();
  const [t, tl, locale, records, lenders] = await Promise.all([
    getTranslations('funding'),
    getTranslations('listings'),
    getLocale(),
    listOfferableIpRecords(db, viewer, proposal.matchId),
    listLenderInstitutions(db),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <Link className="text-sm underline" href={`/funding/${id}`}>
          {t('form.back')}
        </Link>
        <h1 className="text-2xl font-semibold">{t('detail.edit')}</h1>
      </div>
      <ProposalForm
        defaultValues={formValues(proposal)}
        offerable={records.map((r) => ({
          id: r.id,
          label: [r.number, r.title, `(${r.jurisdiction}, ${tl(`ipStatus.${r.status}`)})`].filter(Boolean).join(' '),
        }))}
        ipStatusLabels={Object.fromEntries(ipStatuses.map((s) => [s, tl(`ipStatus.${s}`)])) as never}
        share={{
          proposalId: id,
          version: proposal.version,
          lenders: lenders.map((l) => ({ id: l.id, name: locale === 'en' ? l.nameEn : l.nameJa })),
          consent: proposal.partnerOrganisationId
            ? {
                needed: true,
                satisfied: proposal.consentSatisfied,
                requested: proposal.partnerConsent === 'requested',
              }
            : null,
        }}
      />
      <DocumentsPanel base={`/api/funding/${id}/documents`} documents={proposal.documents} canEdit />
    </div>
  );
}
