import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import type { MatchForViewer } from '@/lib/introductions/data';

/** What happened to the match, oldest first: each event, who did it, a decline's reason, a note. */
export async function TimelineCard({ events }: { events: MatchForViewer['events'] }) {
  const [t, format] = await Promise.all([getTranslations('introductions'), getFormatter()]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('timeline')}</CardTitle>
      </CardHeader>
      <CardBody>
        <ol className="flex flex-col gap-2" aria-label={t('timeline')}>
          {events.map((e) => (
            <li key={e.id} className="flex flex-wrap gap-x-2">
              <time className="text-sm text-slate-700" dateTime={e.createdAt.toISOString()}>
                {format.dateTime(e.createdAt, 'long')}
              </time>
              <span className="font-medium">{t(`events.${e.type}`)}</span>
              <span className="text-sm text-slate-700">({t(`sides.${e.actorRole}`)})</span>
              {e.type === 'decline' && typeof e.details.reason === 'string' && (
                <span>{t(`declineReasons.${e.details.reason}`)}</span>
              )}
              {e.note && <span className="w-full whitespace-pre-wrap text-sm">{e.note}</span>}
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
