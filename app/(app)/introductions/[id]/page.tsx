import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { MeetingsCard, MessagesCard, NdasCard, OutcomesCard } from '@/components/introductions/match-after';
import { AnswersCard, CheckInsCard } from '@/components/introductions/match-answers';
import { ContactsCard } from '@/components/introductions/match-contacts';
import { InterestCard } from '@/components/introductions/match-interest';
import { TimelineCard } from '@/components/introductions/match-timeline';
import { Respond } from '@/components/introductions/respond';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { recordedIp } from '@/lib/auth/request-ip';
import { listMeetings, listMessages, listNdas } from '@/lib/introductions/after';
import { checkInsOfMatch } from '@/lib/introductions/check-ins';
import { readMatchContext } from '@/lib/introductions/context';
import { getMatchForViewer } from '@/lib/introductions/data';
import { listOutcomes, outcomeChoices } from '@/lib/programme/outcomes';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('introductions'))('matchTitle') };
}

type Props = { params: Promise<{ id: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One match as the viewer may see it: the page loads, the cards in components/introductions/match-* show. */
export default async function IntroductionPage({ params }: Props) {
  const viewer = await requirePermission('introductions.view');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const ip = recordedIp(await headers());
  const match = await getMatchForViewer(viewer, id, ip);
  if (!match) notFound();
  const [t, format] = await Promise.all([getTranslations('introductions'), getFormatter()]);
  const db = await getDb();
  const threadOpen = match.contacts !== null;
  const [messages, meetings, ndaRows, outcomes, choices] = threadOpen
    ? await Promise.all([
        listMessages(db, viewer, id),
        listMeetings(db, viewer, id),
        listNdas(db, viewer, id),
        listOutcomes(db, viewer, id),
        outcomeChoices(db, viewer, id),
      ])
    : [[], [], [], [], null];
  const ctx = await readMatchContext(db, id);
  const checkIns = ctx
    ? await checkInsOfMatch(db, ctx, {
        organisationId: viewer.organisationId,
        verified: viewer.verified,
        coordinator: match.coordinator,
      })
    : [];
  const mySide = match.mySides[0];
  const title = [match.need?.title, match.seed?.title].filter(Boolean).join(' ↔ ');
  const canAnswer = match.available.includes('accept');
  const canWithdraw = match.available.includes('withdraw') && !match.coordinator;
  const myRole = match.coordinator ? 'coordinator' : mySide;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-teal-800">{t(`kinds.${match.kind}`)}</p>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={match.status === 'introduced' ? 'success' : match.status === 'approved' ? 'warning' : 'neutral'}>
            {t(`statuses.${match.status}`)}
          </Badge>
          {match.deadline && match.status === 'approved' && (
            <span className="text-sm text-slate-700">
              {t('deadline')}: {format.dateTime(match.deadline, 'short')}
            </span>
          )}
        </div>
      </div>

      {match.coordinatorNote && (
        <Card>
          <CardHeader>
            <CardTitle>{t('note')}</CardTitle>
          </CardHeader>
          <CardBody>
            <p className="whitespace-pre-wrap">{match.coordinatorNote}</p>
          </CardBody>
        </Card>
      )}

      {match.decline && (
        <Alert tone="warning">
          {t('declineAdvice', { reason: t(`declineReasons.${match.decline.reason}`) })}
          {match.decline.text && <span className="block">{match.decline.text}</span>}
        </Alert>
      )}

      <InterestCard match={match} />
      {(match.status === 'approved' || match.status === 'introduced') && (
        <AnswersCard match={match} canAnswer={canAnswer} canWithdraw={canWithdraw} />
      )}
      <CheckInsCard matchId={match.id} checkIns={checkIns} />
      {match.status === 'proposed' && canWithdraw && <Respond matchId={match.id} canAnswer={false} canWithdraw />}
      <ContactsCard match={match} />
      {threadOpen && (
        <>
          <MessagesCard match={match} messages={messages} />
          <MeetingsCard match={match} meetings={meetings} myRole={myRole} userId={viewer.userId} />
          <NdasCard matchId={match.id} ndas={ndaRows} />
          <OutcomesCard matchId={match.id} outcomes={outcomes} choices={choices} />
        </>
      )}
      <TimelineCard events={match.events} />
    </div>
  );
}
