import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { SurveyResultFigures } from '@/components/programme/survey/result-figures';
import { RoundStateBadge } from '@/components/programme/survey/round-state';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { calendarDay } from '@/lib/i18n/time-zone';
import { closeSurveyRoundAction } from '@/lib/programme/survey/actions';
import { roundResults } from '@/lib/programme/survey/office';
import { z } from '@/lib/validation/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('survey.results'))('title') };
}

type Props = { params: Promise<{ id: string }> };

/** A survey round's results for the office: response rate, charts with their tables, disagreements, CSV. */
export default async function SurveyResultsPage({ params }: Props) {
  const viewer = await requirePermission('programme.surveys');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [data, t, format, locale] = await Promise.all([
    roundResults(await getDb(), viewer, id),
    getTranslations('survey.results'),
    getFormatter(),
    getLocale(),
  ]);
  if (!data) notFound();
  const { round } = data;
  const cluster = locale === 'ja' ? round.clusterNameJa : round.clusterNameEn;
  const day = (value: string) => format.dateTime(calendarDay(value), 'day');
  const link = 'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900';
  return (
    <article className="flex flex-col gap-6 print:gap-4 print:text-black print:[&_[role=region]]:overflow-visible">
      <p className="print:hidden">
        <Link href="/programme/surveys" className={`text-sm ${link}`}>
          {t('back')}
        </Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{round.title}</h1>
        <p className="flex flex-wrap items-center gap-3 text-slate-700">
          <span>{cluster}</span>
          <span>{t('period', { from: day(round.opensOn), to: day(round.closesOn) })}</span>
          <RoundStateBadge state={round.state} />
        </p>
      </header>
      <div className="flex flex-wrap items-center gap-4 print:hidden">
        <a href={`/api/programme/surveys/${round.id}/export`} download className={link}>
          {t('exportCsv')}
        </a>
        {round.state !== 'closed' && (
          <ActionButton
            action={closeSurveyRoundAction}
            input={{ roundId: round.id }}
            successMessage={t('closed')}
            confirm={{ title: t('closeConfirmTitle'), text: t('closeConfirmText'), confirmLabel: t('close') }}
          >
            {t('close')}
          </ActionButton>
        )}
      </div>
      <SurveyResultFigures results={data.results} disagreements={data.disagreements} />
    </article>
  );
}
