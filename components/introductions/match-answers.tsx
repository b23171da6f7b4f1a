import { getTranslations } from 'next-intl/server';
import { CheckInForm } from '@/components/introductions/check-in-answer';
import { Respond } from '@/components/introductions/respond';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import type { checkInsOfMatch } from '@/lib/introductions/check-ins';
import type { MatchForViewer } from '@/lib/introductions/data';

/** Each side's answer to an approved introduction, with the viewer's accept / decline / withdraw. */
export async function AnswersCard({
  match,
  canAnswer,
  canWithdraw,
}: {
  match: MatchForViewer;
  canAnswer: boolean;
  canWithdraw: boolean;
}) {
  const t = await getTranslations('introductions');
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('answers')}</CardTitle>
      </CardHeader>
      <CardBody className="flex flex-col gap-4">
        <ul className="flex flex-wrap gap-4">
          {match.sides.map((s) => (
            <li key={s}>
              <span className="font-medium">{t(`sides.${s}`)}</span>:{' '}
              {t(`responses.${match.responses[s] ?? 'pending'}`)}
            </li>
          ))}
        </ul>
        {(canAnswer || canWithdraw) && <Respond matchId={match.id} canAnswer={canAnswer} canWithdraw={canWithdraw} />}
      </CardBody>
    </Card>
  );
}

type CheckIn = Awaited<ReturnType<typeof checkInsOfMatch>>[number];

/** The follow-up questions after an introduction: each party's answer, and the viewer's own form while open. */
export async function CheckInsCard({ matchId, checkIns }: { matchId: string; checkIns: CheckIn[] }) {
  if (checkIns.length === 0) return null;
  const [t, tc] = await Promise.all([getTranslations('introductions'), getTranslations('checkIns')]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{tc('title')}</CardTitle>
      </CardHeader>
      <CardBody className="flex flex-col gap-6">
        {checkIns.map((c) => {
          const own = c.parties.find((p) => p.own);
          return (
            <section key={c.days} aria-label={tc('questionShort', { days: c.days })} className="flex flex-col gap-3">
              <p className="text-sm text-slate-700">{tc('dueOn', { date: c.date })}</p>
              <ul className="flex flex-col gap-1">
                {c.parties.map((p) => (
                  <li key={p.side}>
                    {tc('answerOf', {
                      side: t(`sides.${p.side}`),
                      answer: p.answer ? tc(`answers.${p.answer}`) : tc('notAnswered'),
                    })}
                    {p.note && <span className="block whitespace-pre-wrap text-sm text-slate-700">{p.note}</span>}
                  </li>
                ))}
              </ul>
              {own && c.open && (
                <CheckInForm
                  target={{ matchId }}
                  days={c.days}
                  current={{ answer: own.answer, version: own.version }}
                  note={own.note}
                />
              )}
            </section>
          );
        })}
      </CardBody>
    </Card>
  );
}
