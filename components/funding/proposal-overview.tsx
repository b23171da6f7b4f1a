import { getFormatter, getTranslations } from 'next-intl/server';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { calendarDay } from '@/lib/i18n/time-zone';
import type { ProposalView } from '@/lib/funding/view';

/** What the proposal says: the request, the plan, the projection and the patents (every viewer who may see it). */
export async function ProposalOverview({ proposal: p }: { proposal: ProposalView }) {
  const [t, tl, format] = await Promise.all([getTranslations('funding'), getTranslations('listings'), getFormatter()]);
  const yen = (n: number | null) => (n === null ? '—' : format.number(n, 'jpy'));
  const day = (d: string | null) => (d ? format.dateTime(calendarDay(d), 'day') : '—');
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 sm:grid-cols-[14rem_1fr]">
      <dt className="font-medium text-slate-900">{label}</dt>
      <dd className="whitespace-pre-wrap text-slate-800">{value}</dd>
    </div>
  );
  return (
    <>
      <section aria-labelledby="overview-heading" className="flex flex-col gap-3">
        <h2 id="overview-heading" className="text-lg font-semibold">
          {t('detail.overview')}
        </h2>
        <dl className="flex flex-col gap-3">
          {row(t('fields.purpose'), p.purpose ? t(`purposes.${p.purpose}`) : '—')}
          {p.purposeDetails && row(t('fields.purposeDetails'), p.purposeDetails)}
          {row(t('fields.amountJpy'), yen(p.amountJpy))}
          {row(t('fields.termMonths'), p.termMonths === null ? '—' : t('months', { n: p.termMonths }))}
          {row(t('fields.repaymentMethod'), p.repaymentMethod ? t(`repaymentMethods.${p.repaymentMethod}`) : '—')}
          {p.gracePeriodMonths !== null && row(t('fields.gracePeriodMonths'), t('months', { n: p.gracePeriodMonths }))}
          {row(t('fields.repaymentPlan'), p.repaymentPlan || '—')}
          {row(t('fields.businessPlan'), p.businessPlan || '—')}
        </dl>
        {p.projectedRevenue.length === 0 ? (
          <p className="text-sm text-slate-700">{t('detail.noRevenue')}</p>
        ) : (
          <Table caption={t('fields.projectedRevenue')}>
            <THead>
              <Tr>
                <Th>{t('fields.year')}</Th>
                <Th>{t('fields.revenueJpy')}</Th>
                <Th>{t('fields.profitJpy')}</Th>
              </Tr>
            </THead>
            <TBody>
              {p.projectedRevenue.map((y) => (
                <Tr key={y.year}>
                  <Td>{y.year}</Td>
                  <Td>{yen(y.revenueJpy)}</Td>
                  <Td>{yen(y.profitJpy)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="patents-heading" className="flex flex-col gap-3">
        <h2 id="patents-heading" className="text-lg font-semibold">
          {t('detail.patents')}
        </h2>
        {p.patents.length === 0 ? (
          <p className="text-sm text-slate-700">{t('detail.noPatents')}</p>
        ) : (
          <Table caption={t('detail.patents')} captionHidden>
            <THead>
              <Tr>
                <Th>{t('fields.number')}</Th>
                <Th>{t('fields.patentTitle')}</Th>
                <Th>{t('fields.jurisdiction')}</Th>
                <Th>{t('fields.status')}</Th>
                <Th>{t('fields.filedOn')}</Th>
                <Th>{t('fields.grantedOn')}</Th>
                <Th>{t('detail.remaining')}</Th>
                <Th>{t('fields.right')}</Th>
                <Th>{t('detail.source')}</Th>
              </Tr>
            </THead>
            <TBody>
              {p.patents.map((x) => (
                <Tr key={x.id}>
                  <Td>{x.number ?? '—'}</Td>
                  <Td>{x.title}</Td>
                  <Td>{x.jurisdiction}</Td>
                  <Td>{tl(`ipStatus.${x.status}`)}</Td>
                  <Td>{day(x.filedOn)}</Td>
                  <Td>{day(x.grantedOn)}</Td>
                  <Td>
                    {x.remainingMonths === null
                      ? t('detail.unknown')
                      : t('detail.remainingMonths', { n: x.remainingMonths })}
                  </Td>
                  <Td>{t(`patentRights.${x.right}`)}</Td>
                  <Td>{t(`patentSources.${x.source}`)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
