import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { CoordinatorDecision } from '@/components/introductions/coordinator-decision';
import { QueueRow } from '@/components/introductions/queue-row';
import { knownReasons, MatchReasons } from '@/components/matching/match-reasons';
import { Badge } from '@/components/ui/badge';
import { territoryName } from '@/lib/listings/territories';
import { prefectureName } from '@/lib/prefectures';
import type { listCoordinatorQueue } from '@/lib/introductions/queue';

type Row = Awaited<ReturnType<typeof listCoordinatorQueue>>['items'][number];

/** The score as a number with a small bar (0–1); manual matches have none. */
async function Score({ score }: { score: number | null }) {
  const [t, format] = await Promise.all([getTranslations('introductions'), getFormatter()]);
  if (score === null) return <span className="text-xs leading-tight text-slate-700">{t('noScore')}</span>;
  const value = format.number(score, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <>
      <span className="text-sm font-semibold tabular-nums">
        <span className="sr-only">{t('scoreOf', { score: value })}</span>
        <span aria-hidden="true">{value}</span>
      </span>
      <meter aria-hidden="true" className="h-1.5 w-12" min={0} max={1} low={0.2} high={0.5} optimum={1} value={score} />
    </>
  );
}

/**
 * The queue as compact rows: score, the two sides, kind and age; the listings' summaries, the
 * engine's reasons and the decision box in each row's "Details".
 */
export async function QueueList({ rows, now }: { rows: Row[]; now: Date }) {
  const [t, tKinds, tTerritories, format, locale] = await Promise.all([
    getTranslations('introductions'),
    getTranslations('orgKinds'),
    getTranslations('territories'),
    getFormatter(),
    getLocale(),
  ]);
  const orgName = (ja: string | null, en: string | null) => (locale === 'en' ? (en ?? ja) : (ja ?? en)) ?? '';
  return (
    <ul id="queue" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {rows.map((m) => {
        const requester = m.requester?.kind ? orgName(m.requester.nameJa, m.requester.nameEn) : null;
        const listing = m.need?.id ? m.need : m.seed;
        const title = [m.need?.title, m.seed?.title].filter(Boolean).join(' ↔ ');
        const sides = requester
          ? [requester, orgName(listing?.orgNameJa ?? null, listing?.orgNameEn ?? null)]
          : [
              orgName(m.need?.orgNameJa ?? null, m.need?.orgNameEn ?? null),
              orgName(m.seed?.orgNameJa ?? null, m.seed?.orgNameEn ?? null),
            ];
        const reasons = knownReasons(m.reasons).slice(0, 8);
        const via = m.viaNeed?.id
          ? { kind: 'need', ...m.viaNeed }
          : m.viaSeed?.id
            ? { kind: 'seed', ...m.viaSeed }
            : null;
        const channel = m.kind === 'sales_channel' && m.channel?.product ? m.channel : null;
        return (
          <li key={m.id} className="px-3 py-2">
            <QueueRow
              leading={
                <>
                  {m.status === 'proposed' && (
                    <input
                      type="checkbox"
                      name="bulk"
                      value={`${m.id}:${m.version}`}
                      aria-label={t('select', { title })}
                      className="size-5"
                    />
                  )}
                  <Score score={m.score} />
                </>
              }
              title={
                <>
                  <Link
                    href={`/introductions/${m.id}`}
                    className="text-sm font-medium break-words underline sm:text-base"
                  >
                    {requester ? `${requester} → ${listing?.title ?? ''}` : title}
                  </Link>
                  {requester && m.requester && (
                    <dl className="mt-1 grid gap-x-3 text-sm text-slate-800 sm:grid-cols-[auto_1fr]">
                      <dt className="font-medium">{t('asker')}</dt>
                      <dd>
                        {[
                          requester,
                          tKinds(m.requester.kind ?? 'sme'),
                          m.requester.prefecture ? prefectureName(m.requester.prefecture, locale) : null,
                          m.requester.employeeBand ? t('onListing.size', { band: m.requester.employeeBand }) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </dd>
                      <dt className="font-medium">{t('whatFor')}</dt>
                      <dd>
                        {channel
                          ? `${channel.product} — ${format.list(channel.kinds.map((k) => t(`channelKinds.${k}`)))} · ${format.list(
                              channel.territories.map((c) => territoryName(c, locale, (k) => tTerritories(k as never))),
                            )}`
                          : m.want}
                      </dd>
                      {via && (
                        <>
                          <dt className="font-medium">{t(via.kind === 'need' ? 'linkedNeed' : 'linkedSeed')}</dt>
                          <dd>
                            <Link href={`/${via.kind}s/${via.id}`} className="underline">
                              {via.title}
                            </Link>
                          </dd>
                        </>
                      )}
                    </dl>
                  )}
                  {m.note && (
                    <p className="text-sm text-slate-800">
                      {m.status === 'rejected' ? t('rejectedFor', { note: m.note }) : t('noteOf', { note: m.note })}
                    </p>
                  )}
                </>
              }
              facts={
                <>
                  <Badge tone="info">{t(`kinds.${m.kind}`)}</Badge>
                  <span>{sides.filter(Boolean).join(' ↔ ')}</span>
                  <time dateTime={m.createdAt.toISOString()} title={format.dateTime(m.createdAt, 'long')}>
                    {format.relativeTime(m.createdAt, now)}
                  </time>
                </>
              }
            >
              <div className="grid gap-3 md:grid-cols-2">
                {m.need?.id && (
                  <div>
                    <p className="text-sm font-medium text-teal-800">{t('need')}</p>
                    <p className="text-sm text-slate-700">{m.need.summary}</p>
                  </div>
                )}
                {m.seed?.id && (
                  <div>
                    <p className="text-sm font-medium text-teal-800">{t('seed')}</p>
                    <p className="text-sm text-slate-700">{m.seed.summary}</p>
                  </div>
                )}
                {requester && (
                  <dl className="text-sm text-slate-700">
                    <dt className="font-medium text-teal-800">{t('offer')}</dt>
                    <dd>{m.offer}</dd>
                    <dt className="font-medium text-teal-800">{t('want')}</dt>
                    <dd>{m.want}</dd>
                    <dt className="font-medium text-teal-800">{t('timing')}</dt>
                    <dd>{m.timing}</dd>
                    {channel?.volumes && (
                      <>
                        <dt className="font-medium text-teal-800">{t('channel.volumes')}</dt>
                        <dd>{channel.volumes}</dd>
                      </>
                    )}
                    {channel?.terms && (
                      <>
                        <dt className="font-medium text-teal-800">{t('channel.terms')}</dt>
                        <dd>{channel.terms}</dd>
                      </>
                    )}
                  </dl>
                )}
              </div>
              {reasons.length > 0 && (
                <div>
                  <p className="text-sm font-medium">{t('reasons')}</p>
                  <MatchReasons reasons={reasons} className="list-disc pl-5 text-sm text-slate-700" />
                </div>
              )}
              {m.status === 'proposed' && (
                <CoordinatorDecision matchId={m.id} version={m.version} title={title} initialNote={m.note ?? ''} />
              )}
            </QueueRow>
          </li>
        );
      })}
    </ul>
  );
}
