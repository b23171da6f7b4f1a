import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { calendarDay } from '@/lib/i18n/time-zone';
import { openRoundsFor } from '@/lib/programme/survey/answers';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('survey.participant'))('title') };
}

/** The survey rounds open now in the viewer's organisation's clusters: answer, or edit the answer. */
export default async function OpenSurveysPage() {
  const viewer = await requirePermission('programme.surveyAnswer');
  const [rounds, t, format, locale] = await Promise.all([
    openRoundsFor(await getDb(), viewer),
    getTranslations('survey.participant'),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('intro')}</p>
      </div>
      {rounds.length ? (
        <ul className="flex flex-col gap-4">
          {rounds.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-semibold">{r.title}</h2>
              <p className="flex flex-wrap items-center gap-3 text-slate-700">
                <span>{locale === 'ja' ? r.clusterNameJa : r.clusterNameEn}</span>
                <span>{t('closesOn', { day: format.dateTime(calendarDay(r.closesOn), 'day') })}</span>
                <Badge tone={r.answered ? 'success' : 'warning'}>{r.answered ? t('answered') : t('notAnswered')}</Badge>
              </p>
              <div>
                <ButtonLink
                  href={`/programme/surveys/${r.id}/answer`}
                  variant={r.answered ? 'secondary' : 'primary'}
                  aria-label={`${r.answered ? t('edit') : t('answer')}: ${r.title}`}
                >
                  {r.answered ? t('edit') : t('answer')}
                </ButtonLink>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t('none')} text={t('noneHint')} />
      )}
    </div>
  );
}
