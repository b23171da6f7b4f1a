import { getFormatter, getTimeZone, getTranslations } from 'next-intl/server';
import { ProposeMeeting, PickSlot } from '@/components/introductions/follow-up-forms';
import { NdaForm } from '@/components/introductions/nda-form';
import { MessageComposer } from '@/components/introductions/thread';
import { OutcomeForm } from '@/components/programme/outcome-form';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import type { listMeetings, listMessages, listNdas } from '@/lib/introductions/after';
import type { MatchForViewer } from '@/lib/introductions/data';
import { calendarDay, calendarDayIn } from '@/lib/i18n/time-zone';
import type { listOutcomes, outcomeChoices } from '@/lib/programme/outcomes';

// What the parties do once introduced (the page shows these while the thread is open): talk, meet,
// record NDAs, record outcomes. Each card lists what there is and, where the match allows, a form.

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export async function MessagesCard({
  match,
  messages,
}: {
  match: MatchForViewer;
  messages: Rows<typeof listMessages>;
}) {
  const [t, format] = await Promise.all([getTranslations('introductions'), getFormatter()]);
  return (
    <Card>
      <CardHeader className="flex items-center gap-2">
        <CardTitle>{t('messages')}</CardTitle>
        {match.unread > 0 && <Badge tone="info">{t('unread', { count: match.unread })}</Badge>}
      </CardHeader>
      <CardBody className="flex flex-col gap-4">
        {messages.length === 0 ? (
          <p className="text-slate-700">{t('noMessages')}</p>
        ) : (
          <ol className="flex flex-col gap-3" aria-label={t('messages')}>
            {messages.map((m) => (
              <li key={m.id} className="rounded-md bg-slate-50 p-3">
                <p className="text-sm text-slate-700">
                  {m.authorName ?? t('formerMember')} · {format.dateTime(m.createdAt, 'long')}
                </p>
                <p className="whitespace-pre-wrap">{m.body}</p>
              </li>
            ))}
          </ol>
        )}
        {match.status === 'introduced' && <MessageComposer matchId={match.id} unread={match.unread} />}
      </CardBody>
    </Card>
  );
}

/**
 * Meeting proposals: a confirmed slot, or the slots to pick from for the side that did not propose,
 * or what the proposer waits for. `myRole` is the viewer's side (or 'coordinator').
 */
export async function MeetingsCard({
  match,
  meetings,
  myRole,
  userId,
}: {
  match: MatchForViewer;
  meetings: Rows<typeof listMeetings>;
  myRole: string | undefined;
  userId: string;
}) {
  const [t, format] = await Promise.all([getTranslations('introductions'), getFormatter()]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('meetings')}</CardTitle>
      </CardHeader>
      <CardBody className="flex flex-col gap-4">
        {meetings.map((m) => (
          <div key={m.id} className="rounded-md border border-slate-200 p-3">
            {m.location && <p className="text-sm">{m.location}</p>}
            {m.status === 'confirmed' && m.chosenSlot ? (
              <p className="font-medium">{t('confirmedFor', { when: format.dateTime(m.chosenSlot, 'zoned') })}</p>
            ) : m.proposerSide !== myRole && m.proposedBy !== userId ? (
              <PickSlot
                matchId={match.id}
                proposalId={m.id}
                slots={m.slots.map((s) => ({ iso: s.toISOString(), label: format.dateTime(s, 'zoned') }))}
              />
            ) : (
              <p className="text-sm text-slate-700">
                {t('waitingForPick')}:{' '}
                {format.list(
                  m.slots.map((s) => format.dateTime(s, 'zoned')),
                  { type: 'disjunction' },
                )}
              </p>
            )}
          </div>
        ))}
        {match.status === 'introduced' && <ProposeMeeting matchId={match.id} />}
      </CardBody>
    </Card>
  );
}

export async function NdasCard({ matchId, ndas }: { matchId: string; ndas: Rows<typeof listNdas> }) {
  const [t, format] = await Promise.all([getTranslations('introductions'), getFormatter()]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('ndas')}</CardTitle>
      </CardHeader>
      <CardBody className="flex flex-col gap-4">
        {ndas.length > 0 && (
          <ul className="flex flex-col gap-3">
            {ndas.map((n) => (
              <li key={n.id} className="rounded-md border border-slate-200 p-3">
                <p>
                  {t(`ndaTypes.${n.type}`)} · {t(`ndaStatuses.${n.status}`)}
                  {n.signedOn && ` · ${t('signedOn')} ${format.dateTime(calendarDay(n.signedOn), 'day')}`}
                  {n.expiresOn && ` · ${t('expiresOn')} ${format.dateTime(calendarDay(n.expiresOn), 'day')}`}
                </p>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-teal-800">{t('editNda')}</summary>
                  <div className="mt-2">
                    <NdaForm
                      key={`${n.id}-${n.version}`}
                      matchId={matchId}
                      nda={{
                        id: n.id,
                        version: n.version,
                        type: n.type,
                        status: n.status,
                        signedOn: n.signedOn,
                        expiresOn: n.expiresOn,
                      }}
                    />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
        <NdaForm matchId={matchId} />
      </CardBody>
    </Card>
  );
}

/** Recorded outcomes (programme KPIs) and, for those who may record one, the form. */
export async function OutcomesCard({
  matchId,
  outcomes,
  choices,
}: {
  matchId: string;
  outcomes: Rows<typeof listOutcomes>;
  choices: Rows<typeof outcomeChoices> | null;
}) {
  const [t, tOutcomes, format, timeZone] = await Promise.all([
    getTranslations('introductions'),
    getTranslations('outcomes'),
    getFormatter(),
    getTimeZone(),
  ]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('outcomesTitle')}</CardTitle>
      </CardHeader>
      <CardBody className="flex flex-col gap-4">
        {outcomes.length > 0 && (
          <ul className="flex flex-col gap-1" aria-label={t('outcomesTitle')}>
            {outcomes.map((o) => (
              <li key={o.id}>
                {format.dateTime(calendarDay(o.occurredOn), 'day')} · {tOutcomes(`kinds.${o.kind}`)}
                {o.amountJpy !== null && ` · ${format.number(o.amountJpy, 'jpy')}`}
                {o.ventureName &&
                  ` · ${tOutcomes('ventureSummary', {
                    name: o.ventureName,
                    seed: o.sourceSeedTitle ?? '—',
                    manager: o.incubationManager ?? tOutcomes('noManager'),
                  })}`}
                {o.note && ` — ${o.note}`}
              </li>
            ))}
          </ul>
        )}
        {choices && (
          <OutcomeForm
            matchId={matchId}
            today={calendarDayIn(new Date(), timeZone)}
            seeds={choices.seeds.map((s) => ({ id: s.id, name: s.title }))}
            managers={choices.managers}
            defaultSeedId={choices.defaultSeedId}
          />
        )}
      </CardBody>
    </Card>
  );
}
