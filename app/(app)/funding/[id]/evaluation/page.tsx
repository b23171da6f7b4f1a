import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { EvaluationForm } from '@/components/funding/evaluation-form';
import { PrintButton } from '@/components/funding/print-button';
import { requirePermission } from '@/lib/auth/guard';
import { getEvaluationSheet } from '@/lib/funding/evaluation';
import { calendarDay } from '@/lib/i18n/time-zone';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('funding'))('evaluation.title') };
}

type Props = { params: Promise<{ id: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The lender's IP evaluation sheet (JPO IP business evaluation report structure); prints cleanly. */
export default async function EvaluationPage({ params }: Props) {
  const viewer = await requirePermission('funding.review');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const sheet = await getEvaluationSheet(viewer, id);
  if (!sheet) notFound();
  const [t, tl, to, format, locale] = await Promise.all([
    getTranslations('funding'),
    getTranslations('listings'),
    getTranslations('outcomes'),
    getFormatter(),
    getLocale(),
  ]);
  const p = sheet.proposal;
  const day = (d: string | null) => (d ? format.dateTime(calendarDay(d), 'day') : '—');
  const headers = [
    t('fields.status'),
    t('fields.jurisdiction'),
    t('fields.filedOn'),
    t('fields.grantedOn'),
    t('detail.remaining'),
    t('evaluation.licence'),
    t('evaluation.seed'),
    t('evaluation.trl'),
  ];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2 print:hidden">
        <Link className="text-sm underline" href={`/funding/${id}`}>
          {t('form.back')}
        </Link>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold">{t('evaluation.title')}</h1>
          <p className="text-slate-700">{t('evaluation.intro')}</p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <PrintButton label={t('evaluation.print')} />
          <p className="text-xs text-slate-700 print:hidden">{t('evaluation.printHint')}</p>
        </div>
      </div>
      <dl className="grid gap-3 sm:grid-cols-2">
        <div>
          <dt className="font-medium">{t('evaluation.basis')}</dt>
          <dd>
            {p.title} — {locale === 'en' ? p.sme.nameEn : p.sme.nameJa}
          </dd>
        </div>
        <div>
          <dt className="font-medium">{t('evaluation.requested')}</dt>
          <dd>
            {p.amountJpy === null ? '—' : format.number(p.amountJpy, 'jpy')}
            {p.termMonths !== null && ` · ${t('months', { n: p.termMonths })}`}
          </dd>
        </div>
        {sheet.introduction && (
          <div>
            <dt className="font-medium">{t('evaluation.introduction')}</dt>
            <dd>
              {p.seedTitle} ({p.partner ? (locale === 'en' ? p.partner.nameEn : p.partner.nameJa) : ''}) ·{' '}
              {t('evaluation.introducedOn', { date: format.dateTime(sheet.introduction.createdAt, 'short') })}
            </dd>
          </div>
        )}
        {sheet.introduction && (
          <div>
            <dt className="font-medium">{t('evaluation.outcomes')}</dt>
            <dd>
              {sheet.outcomes.length === 0
                ? t('evaluation.noOutcomes')
                : format.list(sheet.outcomes.map((o) => `${to(`kinds.${o.kind}`)} (${day(o.occurredOn)})`))}
            </dd>
          </div>
        )}
      </dl>
      <EvaluationForm
        shareId={sheet.shareId}
        version={sheet.version}
        amountJpy={p.amountJpy}
        headers={headers}
        advanceRatePercent={sheet.advanceRatePercent === null ? '' : String(sheet.advanceRatePercent)}
        notes={sheet.notes}
        patents={sheet.patents.map((x) => ({
          id: x.id,
          label: [x.number, x.title].filter(Boolean).join(' '),
          method: x.method ?? '',
          valueJpy: x.valueJpy === null ? '' : String(x.valueJpy),
          cells: [
            tl(`ipStatus.${x.status}`),
            x.jurisdiction,
            day(x.filedOn),
            day(x.grantedOn),
            x.remainingMonths === null ? t('detail.unknown') : t('detail.remainingMonths', { n: x.remainingMonths }),
            t(`patentRights.${x.right}`),
            x.seed?.title ?? t(`patentSources.${x.source}`),
            x.seed?.trl === null || x.seed?.trl === undefined ? '—' : String(x.seed.trl),
          ],
        }))}
      />
    </div>
  );
}
