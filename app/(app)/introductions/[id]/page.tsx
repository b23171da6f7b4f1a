import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getFormatter, getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { CheckInForm } from '@/components/introductions/check-in-answer';
import { ProposeMeeting, PickSlot } from '@/components/introductions/follow-up-forms';
import { NdaForm } from '@/components/introductions/nda-form';
import { OutcomeForm } from '@/components/programme/outcome-form';
import { Respond } from '@/components/introductions/respond';
import { MessageComposer } from '@/components/introductions/thread';
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
import { calendarDay, calendarDayIn } from '@/lib/i18n/time-zone';
import { listOutcomes, outcomeChoices } from '@/lib/programme/outcomes';
import { territoryName } from '@/lib/listings/territories';
import { prefectureName } from '@/lib/prefectures';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('introductions'))('matchTitle') };
}

type Props = { params: Promise<{ id: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function IntroductionPage({ params }: Props) {
  const viewer = await requirePermission('introductions.view');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const ip = recordedIp(await headers());
  const match = await getMatchForViewer(viewer, id, ip);
  if (!match) notFound();
  const [t, tOutcomes, tKinds, tTerritories, format, timeZone, locale, tc] = await Promise.all([
    getTranslations('introductions'),
    getTranslations('outcomes'),
    getTranslations('orgKinds'),
    getTranslations('territories'),
    getFormatter(),
    getTimeZone(),
    getLocale(),
    getTranslations('checkIns'),
  ]);
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

      {match.interest && (
        <Card>
          <CardHeader>
            <CardTitle>{t('interest')}</CardTitle>
          </CardHeader>
          <CardBody>
            <dl className="grid gap-2 sm:grid-cols-3">
              <div>
                <dt className="text-sm font-medium">{t('offer')}</dt>
                <dd className="whitespace-pre-wrap">{match.interest.offer}</dd>
              </div>
              <div>
                <dt className="text-sm font-medium">{t('want')}</dt>
                <dd className="whitespace-pre-wrap">{match.interest.want}</dd>
              </div>
              <div>
                <dt className="text-sm font-medium">{t('timing')}</dt>
                <dd>{match.interest.timing}</dd>
              </div>
              {match.requester && (
                <div>
                  <dt className="text-sm font-medium">{t('asker')}</dt>
                  <dd>
                    {[
                      match.requester.name
                        ? locale === 'en'
                          ? match.requester.name.en
                          : match.requester.name.ja
                        : null,
                      tKinds(match.requester.kind),
                      prefectureName(match.requester.prefecture, locale),
                      match.requester.employeeBand ? t('onListing.size', { band: match.requester.employeeBand }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </dd>
                </div>
              )}
              {match.via && (
                <div>
                  <dt className="text-sm font-medium">{t(match.via.kind === 'need' ? 'linkedNeed' : 'linkedSeed')}</dt>
                  <dd>
                    <Link href={`/${match.via.kind}s/${match.via.id}`} className="underline">
                      {match.via.title}
                    </Link>
                  </dd>
                </div>
              )}
              {match.channel && (
                <>
                  <div>
                    <dt className="text-sm font-medium">{t('channel.product')}</dt>
                    <dd>{match.channel.product}</dd>
                  </div>
                  <div>
                    <dt className="text-sm font-medium">{t('channel.kinds')}</dt>
                    <dd>{format.list(match.channel.kinds.map((k) => t(`channelKinds.${k}`)))}</dd>
                  </div>
                  <div>
                    <dt className="text-sm font-medium">{t('channel.territories')}</dt>
                    <dd>
                      {format.list(
                        match.channel.territories.map((c) => territoryName(c, locale, (k) => tTerritories(k as never))),
                      )}
                    </dd>
                  </div>
                  {match.channel.volumes && (
                    <div>
                      <dt className="text-sm font-medium">{t('channel.volumes')}</dt>
                      <dd>{match.channel.volumes}</dd>
                    </div>
                  )}
                  {match.channel.terms && (
                    <div>
                      <dt className="text-sm font-medium">{t('channel.terms')}</dt>
                      <dd className="whitespace-pre-wrap">{match.channel.terms}</dd>
                    </div>
                  )}
                </>
              )}
            </dl>
          </CardBody>
        </Card>
      )}

      {(match.status === 'approved' || match.status === 'introduced') && (
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
            {(canAnswer || canWithdraw) && (
              <Respond matchId={match.id} canAnswer={canAnswer} canWithdraw={canWithdraw} />
            )}
          </CardBody>
        </Card>
      )}
      {checkIns.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>{tc('title')}</CardTitle>
          </CardHeader>
          <CardBody className="flex flex-col gap-6">
            {checkIns.map((c) => {
              const own = c.parties.find((p) => p.own);
              return (
                <section
                  key={c.days}
                  aria-label={tc('questionShort', { days: c.days })}
                  className="flex flex-col gap-3"
                >
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
                      target={{ matchId: match.id }}
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
      )}
      {match.status === 'proposed' && canWithdraw && <Respond matchId={match.id} canAnswer={false} canWithdraw />}

      <Card>
        <CardHeader>
          <CardTitle>{t('contacts')}</CardTitle>
        </CardHeader>
        <CardBody>
          {match.contacts ? (
            <div className="grid gap-4 md:grid-cols-2">
              {match.sides.map((s) => {
                const c = match.contacts?.[s];
                if (!c) return null;
                return (
                  <div key={s} className="rounded-md border border-slate-200 p-3">
                    <p className="font-medium text-teal-800">{t(`sides.${s}`)}</p>
                    <dl>
                      <dt className="sr-only">{t('name')}</dt>
                      <dd>{c.formerMember ? t('formerMember') : c.name}</dd>
                      {!c.formerMember && (
                        <>
                          <dt className="sr-only">{t('email')}</dt>
                          <dd>
                            <a className="underline" href={`mailto:${c.email}`}>
                              {c.email}
                            </a>
                          </dd>
                        </>
                      )}
                      {c.phone && (
                        <>
                          <dt className="sr-only">{t('phone')}</dt>
                          <dd>{c.phone}</dd>
                        </>
                      )}
                    </dl>
                  </div>
                );
              })}
            </div>
          ) : (
            <p className="text-slate-700">{t('contactsHidden')}</p>
          )}
        </CardBody>
      </Card>

      {threadOpen && (
        <>
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
                  ) : m.proposerSide !== myRole && m.proposedBy !== viewer.userId ? (
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

          <Card>
            <CardHeader>
              <CardTitle>{t('ndas')}</CardTitle>
            </CardHeader>
            <CardBody className="flex flex-col gap-4">
              {ndaRows.length > 0 && (
                <ul className="flex flex-col gap-3">
                  {ndaRows.map((n) => (
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
                            matchId={match.id}
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
              <NdaForm matchId={match.id} />
            </CardBody>
          </Card>

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
                  matchId={match.id}
                  today={calendarDayIn(new Date(), timeZone)}
                  seeds={choices.seeds.map((s) => ({ id: s.id, name: s.title }))}
                  managers={choices.managers}
                  defaultSeedId={choices.defaultSeedId}
                />
              )}
            </CardBody>
          </Card>
        </>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{t('timeline')}</CardTitle>
        </CardHeader>
        <CardBody>
          <ol className="flex flex-col gap-2" aria-label={t('timeline')}>
            {match.events.map((e) => (
              <li key={e.id} className="flex flex-wrap gap-x-2">
                <time className="text-sm text-slate-700" dateTime={e.createdAt.toISOString()}>
                  {format.dateTime(e.createdAt, 'long')}
                </time>
                <span className="font-medium">{t(`events.${e.type}` as never)}</span>
                <span className="text-sm text-slate-700">({t(`sides.${e.actorRole}` as never)})</span>
                {e.type === 'decline' && typeof e.details.reason === 'string' && (
                  <span>{t(`declineReasons.${e.details.reason}` as never)}</span>
                )}
                {e.note && <span className="w-full whitespace-pre-wrap text-sm">{e.note}</span>}
              </li>
            ))}
          </ol>
        </CardBody>
      </Card>
    </div>
  );
}
