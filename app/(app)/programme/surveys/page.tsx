import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { OpenRoundForm } from '@/components/programme/survey/open-round-form';
import { RoundStateBadge } from '@/components/programme/survey/round-state';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { calendarDay, calendarDayIn } from '@/lib/i18n/time-zone';
import { PROGRAMME_TIME_ZONE } from '@/lib/programme/kpis';
import { listRounds, surveyClusters } from '@/lib/programme/survey/office';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('survey.office'))('title') };
}

/** The participant survey's rounds of the viewer's clusters (the office: all), and a form to open one. */
export default async function SurveyRoundsPage() {
  const viewer = await requirePermission('programme.surveys');
  const db = await getDb();
  const [rounds, clusters, t, format, locale] = await Promise.all([
    listRounds(db, viewer),
    surveyClusters(db, viewer),
    getTranslations('survey.office'),
    getFormatter(),
    getLocale(),
  ]);
  const name = (c: { nameJa: string; nameEn: string }) => (locale === 'ja' ? c.nameJa : c.nameEn);
  const day = (value: string) => format.dateTime(calendarDay(value), 'day');
  const today = calendarDayIn(new Date(), PROGRAMME_TIME_ZONE);
  const inFourWeeks = calendarDayIn(new Date(Date.now() + 28 * 86_400_000), PROGRAMME_TIME_ZONE);
  const link = 'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900';
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/programme" className={`text-sm ${link}`}>
          {t('back')}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('intro')}</p>
      </div>
      {clusters.length ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('openTitle')}</CardTitle>
          </CardHeader>
          <CardBody>
            <OpenRoundForm
              clusters={clusters.map((c) => ({ id: c.id, name: name(c) }))}
              defaults={{ opensOn: today, closesOn: inFourWeeks }}
            />
          </CardBody>
        </Card>
      ) : null}
      <section aria-labelledby="survey-rounds" className="flex flex-col gap-3">
        <h2 id="survey-rounds" className="text-xl font-semibold">
          {t('rounds')}
        </h2>
        {rounds.length ? (
          <Table caption={t('rounds')} captionHidden>
            <THead>
              <Tr>
                <Th>{t('fields.title')}</Th>
                <Th>{t('fields.cluster')}</Th>
                <Th>{t('period')}</Th>
                <Th>{t('state')}</Th>
                <Th className="text-right">{t('responses')}</Th>
              </Tr>
            </THead>
            <TBody>
              {rounds.map((r) => (
                <Tr key={r.id}>
                  <Td className="whitespace-normal">
                    <Link href={`/programme/surveys/${r.id}`} className={link}>
                      {r.title}
                    </Link>
                  </Td>
                  <Td>{name({ nameJa: r.clusterNameJa, nameEn: r.clusterNameEn })}</Td>
                  <Td>{t('periodValue', { from: day(r.opensOn), to: day(r.closesOn) })}</Td>
                  <Td>
                    <RoundStateBadge state={r.state} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    {t('respondedOf', { responded: r.responded, eligible: r.eligible })}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        ) : (
          <EmptyState title={t('noRounds')} text={t('noRoundsHint')} />
        )}
      </section>
    </div>
  );
}
