import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DocumentsPanel } from '@/components/attachments/documents-panel';
import { AccessLogTable } from '@/components/funding/access-log-table';
import { ConsentForm } from '@/components/funding/consent-form';
import { ProposalOverview } from '@/components/funding/proposal-overview';
import { ShareCard } from '@/components/funding/share-card';
import { SharePanel } from '@/components/funding/share-panel';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { getAccessLog } from '@/lib/funding/access-log';
import { listLenderInstitutions } from '@/lib/funding/sharing';
import { getProposalForViewer } from '@/lib/funding/view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('funding'))('title') };
}

type Props = { params: Promise<{ id: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ProposalPage({ params }: Props) {
  const viewer = await requirePermission('funding.view');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const p = await getProposalForViewer(viewer, id);
  if (!p) notFound();
  const [t, format, locale] = await Promise.all([getTranslations('funding'), getFormatter(), getLocale()]);
  const name = (o: { nameJa: string; nameEn: string }) => (locale === 'en' ? o.nameEn : o.nameJa);
  const smeEditor = p.relation === 'owner' && viewer.role === 'sme';
  const log = p.relation === 'lender' ? null : await getAccessLog(viewer, id);
  const moreLenders =
    smeEditor && p.status === 'submitted'
      ? (await listLenderInstitutions(await getDb())).filter(
          (l) => !p.shares.some((s) => s.lenderOrganisationId === l.id),
        )
      : [];
  const requested = { amountJpy: p.amountJpy, termMonths: p.termMonths };

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <Link className="text-sm underline" href="/funding">
          {t('title')}
        </Link>
        <h1 className="text-2xl font-semibold">{p.title}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <Badge tone={p.status === 'draft' ? 'neutral' : 'info'}>{t(`statuses.${p.status}`)}</Badge>
          <span>
            {t('detail.company')}: {name(p.sme)}
          </span>
          {p.submittedAt && (
            <span>
              {t('detail.submittedAt')}: {format.dateTime(p.submittedAt, 'short')}
            </span>
          )}
          <span>{t('detail.version', { version: p.version })}</span>
        </div>
        <div className="flex flex-wrap gap-3">
          {smeEditor && p.status === 'draft' && (
            <ButtonLink href={`/funding/${id}/edit`}>{t('detail.edit')}</ButtonLink>
          )}
          {p.relation === 'lender' && (
            <ButtonLink variant="secondary" href={`/funding/${id}/evaluation`}>
              {t('detail.evaluation')}
            </ButtonLink>
          )}
        </div>
      </div>

      {p.partner && (
        <section aria-labelledby="consent-heading" className="flex flex-col gap-2">
          <h2 id="consent-heading" className="text-lg font-semibold">
            {t('consent.title')}
          </h2>
          <p>{t('consent.partner', { name: name(p.partner) })}</p>
          <p>
            {t('consent.status')}: {p.partnerConsent ? t(`consents.${p.partnerConsent}`) : t('consent.none')}
            {p.partnerConsent === 'given' &&
              p.partnerConsentVersion !== null &&
              ` (${t('consent.forVersion', { version: p.partnerConsentVersion })})`}
          </p>
          {p.partnerConsent === 'given' && !p.consentSatisfied && p.status === 'draft' && (
            <Alert tone="warning">{t('consent.outdated')}</Alert>
          )}
          {p.partnerConsentNote && <p className="whitespace-pre-wrap">{p.partnerConsentNote}</p>}
          {p.relation === 'partner' && viewer.role === 'researcher' && p.partnerConsent === 'requested' && (
            <>
              <p>{t('consent.ask', { name: name(p.partner) })}</p>
              <ConsentForm proposalId={id} version={p.version} />
            </>
          )}
        </section>
      )}

      {p.missing.length > 0 && (
        <Alert tone="info" title={t('form.missing')}>
          <p>{format.list(p.missing.map((f) => t(`requiredFields.${f}`)))}</p>
        </Alert>
      )}

      <ProposalOverview proposal={p} />
      <DocumentsPanel base={`/api/funding/${id}/documents`} documents={p.documents} canEdit={smeEditor} />

      {p.status === 'submitted' && (
        <section aria-labelledby="reviews-heading" className="flex flex-col gap-4">
          <h2 id="reviews-heading" className="text-lg font-semibold">
            {p.relation === 'lender' ? t('detail.yourReview') : t('detail.reviews')}
          </h2>
          {p.shares.length === 0 && <p className="text-sm text-slate-700">{t('detail.noShares')}</p>}
          {p.shares.map((s) => (
            <ShareCard
              key={s.id}
              share={s}
              title={p.relation === 'lender' ? t('detail.yourReview') : undefined}
              requested={requested}
            />
          ))}
        </section>
      )}

      {smeEditor && p.status === 'submitted' && moreLenders.length > 0 && (
        <SharePanel
          proposalId={id}
          version={p.version}
          lenders={moreLenders.map((l) => ({ id: l.id, name: name(l) }))}
          consent={null}
        />
      )}

      {log && <AccessLogTable log={log} />}
    </div>
  );
}
