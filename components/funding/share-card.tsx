import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import type { ProposalView } from '@/lib/funding/view';
import { ReviewActions } from './review-actions';
import { shareStatusTone } from './status';

type Share = ProposalView['shares'][number];

/** One lender's review: where it stands, its terms or reason, its timeline, and the steps open to the viewer. */
export async function ShareCard({
  share: s,
  title,
  requested,
}: {
  share: Share;
  /** The lender's name, or "your review" for the lender itself. */
  title?: string;
  requested: { amountJpy: number | null; termMonths: number | null };
}) {
  const [t, format, locale] = await Promise.all([getTranslations('funding'), getFormatter(), getLocale()]);
  const heading = title ?? (locale === 'en' ? s.lender.nameEn : s.lender.nameJa);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">{heading}</CardTitle>
        <Badge tone={shareStatusTone(s.status)}>{t(`shareStatuses.${s.status}`)}</Badge>
      </CardHeader>
      <CardBody className="flex flex-col gap-4">
        {s.status === 'approved' && s.approvedAmountJpy !== null && (
          <dl className="grid gap-2 sm:grid-cols-2">
            <div>
              <dt className="font-medium">{t('detail.terms')}</dt>
              <dd>
                {format.number(s.approvedAmountJpy, 'jpy')}
                {s.approvedTermMonths !== null && ` · ${t('months', { n: s.approvedTermMonths })}`}
              </dd>
            </div>
            {s.interestRatePercent !== null && (
              <div>
                <dt className="font-medium">{t('detail.interestRate')}</dt>
                <dd>{t('detail.rateValue', { rate: format.number(s.interestRatePercent) })}</dd>
              </div>
            )}
            {s.conditions && (
              <div>
                <dt className="font-medium">{t('detail.conditions')}</dt>
                <dd className="whitespace-pre-wrap">{s.conditions}</dd>
              </div>
            )}
            {s.collateral && (
              <div>
                <dt className="font-medium">{t('detail.collateral')}</dt>
                <dd>{s.collateral}</dd>
              </div>
            )}
          </dl>
        )}
        {s.status === 'declined' && s.declineReason && (
          <div>
            <p className="font-medium">{t('detail.declineReason')}</p>
            <p>{t(`declineReasons.${s.declineReason}`)}</p>
            {s.declineText && <p className="whitespace-pre-wrap">{s.declineText}</p>}
          </div>
        )}
        {s.events.length > 0 && (
          <div className="flex flex-col gap-2">
            <h4 className="font-medium">{t('detail.timeline')}</h4>
            <ol className="flex flex-col gap-2">
              {s.events.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-300 pl-3">
                  <p className="text-sm text-slate-700">
                    {format.dateTime(e.createdAt, 'long')} · {t(`detail.sides.${e.actorSide as 'sme' | 'lender'}`)} ·{' '}
                    {t(`detail.events.${e.type as 'submit'}`)}
                  </p>
                  {e.note && <p className="whitespace-pre-wrap">{e.note}</p>}
                </li>
              ))}
            </ol>
          </div>
        )}
        <ReviewActions shareId={s.id} version={s.version} available={s.available} requested={requested} />
      </CardBody>
    </Card>
  );
}
