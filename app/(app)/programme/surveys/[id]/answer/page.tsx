import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { SurveyAnswerForm } from '@/components/programme/survey/answer-form';
import { RoundStateBadge } from '@/components/programme/survey/round-state';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { calendarDay } from '@/lib/i18n/time-zone';
import { answerForm } from '@/lib/programme/survey/answers';
import { z } from '@/lib/validation/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('survey.answer'))('title') };
}

type Props = { params: Promise<{ id: string }> };

/** The organisation's answer to a survey round: a form while the round is open, then final. */
export default async function SurveyAnswerPage({ params }: Props) {
  const viewer = await requirePermission('programme.surveyAnswer');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [form, t, format, locale] = await Promise.all([
    answerForm(await getDb(), viewer, id),
    getTranslations('survey.answer'),
    getFormatter(),
    getLocale(),
  ]);
  if (!form) notFound();
  const { round } = form;
  const day = (value: string) => format.dateTime(calendarDay(value), 'day');
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link
          href="/programme/surveys/open"
          className="text-sm font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900"
        >
          {t('back')}
        </Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{round.title}</h1>
        <p className="flex flex-wrap items-center gap-3 text-slate-700">
          <span>{locale === 'ja' ? round.clusterNameJa : round.clusterNameEn}</span>
          <span>{t('closesOn', { day: day(round.closesOn) })}</span>
          <RoundStateBadge state={round.state} />
        </p>
        <p className="text-slate-700">{t('intro')}</p>
        {form.updatedAt && (
          <p className="text-slate-700">{t('lastSaved', { when: format.dateTime(form.updatedAt, 'short') })}</p>
        )}
      </header>
      {round.state === 'open' ? (
        <SurveyAnswerForm
          defaultValues={{ roundId: round.id, baseVersion: form.version, ...form.values }}
          recorded={form.recorded}
        />
      ) : (
        <Alert tone="info">{form.version ? t('closedAnswered') : t('closedUnanswered')}</Alert>
      )}
    </div>
  );
}
