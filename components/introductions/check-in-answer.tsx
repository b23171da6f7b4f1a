'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { answerCheckInAction, confirmCheckInLinkAction } from '@/lib/introductions/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { useRun } from './use-run';
import { type CheckInAnswer, checkInAnswers } from '@/db/vocabulary/introductions';

type Current = { answer: CheckInAnswer | null; version: number };

/**
 * One click per answer (the notification list): the chosen one is pressed; clicking another changes it.
 * A change made meanwhile elsewhere is refused as a conflict and the list shows the current answer.
 */
export function CheckInButtons({ matchId, days, current }: { matchId: string; days: 30 | 90; current: Current }) {
  const t = useTranslations('checkIns');
  const router = useRouter();
  const { run, pending, error } = useRun();
  const choose = async (value: CheckInAnswer) => {
    const ok = await run(
      answerCheckInAction,
      { matchId, days, answer: value, note: '', version: current.version },
      { success: t('saved') },
    );
    if (!ok) router.refresh(); // answered meanwhile (the mail, another tab): show the answer now recorded
  };
  return (
    <div className="flex w-full flex-col gap-2">
      {error && <Alert tone="danger">{error}</Alert>}
      <ul aria-label={t('question', { days })} className="flex flex-wrap gap-2">
        {checkInAnswers.map((answer) => (
          <li key={answer}>
            <Button
              size="sm"
              variant={current.answer === answer ? 'primary' : 'secondary'}
              aria-pressed={current.answer === answer}
              aria-label={t('answerWith', { days, answer: t(`answers.${answer}`) })}
              disabled={pending}
              onClick={() => current.answer !== answer && choose(answer)}
            >
              {t(`answers.${answer}`)}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The answer with an optional note: on the introduction page (the party signed in) or on the page of a
 * mailed link (its signed token authorises the answer), with the link's answer chosen.
 */
export function CheckInForm({
  target,
  days,
  current,
  note: savedNote,
  preselected,
}: {
  target: { matchId: string } | { token: string };
  days: 30 | 90;
  current: Current;
  note: string | null;
  preselected?: CheckInAnswer;
}) {
  const t = useTranslations('checkIns');
  const [answer, setAnswer] = useState<CheckInAnswer | null>(preselected ?? current.answer);
  const [note, setNote] = useState(savedNote ?? '');
  const [done, setDone] = useState<CheckInAnswer | null>(null);
  const { run, pending, error } = useRun();
  const name = useId();
  const submit = async () => {
    if (!answer) return;
    const fields = { answer, note, version: current.version };
    const ok =
      'token' in target
        ? await run(confirmCheckInLinkAction, { token: target.token, ...fields })
        : await run(answerCheckInAction, { matchId: target.matchId, days, ...fields }, { success: t('saved') });
    if (ok) setDone(answer);
  };
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {error && <Alert tone="danger">{error}</Alert>}
      {done && 'token' in target && <Alert tone="success">{t('link.done', { answer: t(`answers.${done}`) })}</Alert>}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">{t('question', { days })}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {checkInAnswers.map((a) => (
            <label key={a} className="flex items-center gap-2">
              <input
                type="radio"
                name={name}
                value={a}
                checked={answer === a}
                onChange={() => setAnswer(a)}
                className="size-4 accent-teal-700"
              />
              {t(`answers.${a}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormField label={t('note')} hint={t('noteHint')}>
        <Textarea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </FormField>
      <div>
        <Button type="submit" size="sm" loading={pending} disabled={!answer}>
          {'token' in target ? t('link.confirm') : current.answer ? t('change') : t('save')}
        </Button>
      </div>
    </form>
  );
}
