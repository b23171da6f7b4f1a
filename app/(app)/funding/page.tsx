import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { RowsTable } from '@/components/lists/rows-table';
import { Td } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/policy';
import { listClusterProposals, listLenderInbox, listOwnProposals, listPartnerProposals } from '@/lib/funding/lists';
import { shareStatusTone } from '@/components/funding/status';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('funding'))('title') };
}

/** One list per way of standing to proposals: the SME's own, a lender's inbox, a partner's, a coordinator's. */
export default async function FundingPage() {
  const viewer = await requirePermission('funding.view');
  const [t, format, locale] = await Promise.all([getTranslations('funding'), getFormatter(), getLocale()]);
  const name = (o: { nameJa: string; nameEn: string }) => (locale === 'en' ? o.nameEn : o.nameJa);
  const yen = (n: number | null) => (n === null ? '—' : format.number(n, 'jpy'));

  if (viewer.role === 'lender') {
    const rows = await listLenderInbox(viewer);
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-semibold">{t('inbox')}</h1>
        <RowsTable
          caption={t('inbox')}
          captionHidden
          columns={[
            t('columns.title'),
            t('columns.sme'),
            t('columns.amount'),
            t('columns.term'),
            t('columns.status'),
            t('columns.shared'),
          ]}
          rows={rows}
          rowKey={(r) => r.shareId}
          cells={(r) => (
            <>
              <Td>
                <Link className="underline" href={`/funding/${r.proposalId}`}>
                  {r.title}
                </Link>
              </Td>
              <Td>{name(r.sme)}</Td>
              <Td>{yen(r.amountJpy)}</Td>
              <Td>{r.termMonths === null ? '—' : t('months', { n: r.termMonths })}</Td>
              <Td>
                <Badge tone={shareStatusTone(r.status)}>{t(`shareStatuses.${r.status}`)}</Badge>
              </Td>
              <Td>{format.dateTime(r.sharedAt, 'short')}</Td>
            </>
          )}
          empty={<EmptyState title={t('noneInbox')} />}
        />
      </div>
    );
  }

  const [heading, rows] =
    viewer.role === 'sme'
      ? [t('mine'), await listOwnProposals(viewer)]
      : viewer.role === 'researcher'
        ? [t('partnerList'), await listPartnerProposals(viewer)]
        : [t('clusterList'), await listClusterProposals(viewer)];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{heading}</h1>
        {can(viewer, 'funding.propose') && <ButtonLink href="/funding/new">{t('new')}</ButtonLink>}
      </div>
      <RowsTable
        caption={heading}
        captionHidden
        columns={[
          t('columns.title'),
          viewer.role !== 'sme' && t('columns.sme'),
          t('columns.amount'),
          t('columns.status'),
          t('columns.lenders'),
          t('columns.updated'),
        ]}
        rows={rows}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <Td>
              <Link className="underline" href={`/funding/${r.id}`}>
                {r.title}
              </Link>
            </Td>
            {viewer.role !== 'sme' && <Td>{name(r.sme)}</Td>}
            <Td>{yen(r.amountJpy)}</Td>
            <Td>
              <Badge tone={r.status === 'draft' ? 'neutral' : 'info'}>{t(`statuses.${r.status}`)}</Badge>
            </Td>
            <Td>
              {r.shares.length === 0 ? (
                '—'
              ) : (
                <ul className="flex flex-col gap-1">
                  {r.shares.map((s) => (
                    <li key={`${r.id}-${s.lender.nameEn}`}>
                      {name(s.lender)} <Badge tone={shareStatusTone(s.status)}>{t(`shareStatuses.${s.status}`)}</Badge>
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            <Td>{format.dateTime(r.updatedAt, 'short')}</Td>
          </>
        )}
        empty={<EmptyState title={t('none')} />}
      />
    </div>
  );
}
