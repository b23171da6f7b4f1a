import { getFormatter, getTranslations } from 'next-intl/server';
import { type CountTile, CountTiles } from './count-tiles';
import { MarkHomeSeen } from './mark-seen';

/** "Since your last visit": the counts of what is new or waiting for the viewer; seen once shown. */
export async function NewsSection({ since, tiles }: { since: Date | null; tiles: CountTile[] }) {
  const [t, format] = await Promise.all([getTranslations('home.news'), getFormatter()]);
  return (
    <section aria-labelledby="news-heading" className="flex flex-col gap-3">
      <h2 id="news-heading" className="text-lg font-semibold">
        {since ? t('since', { date: format.dateTime(since, 'long') }) : t('firstVisit')}
      </h2>
      <CountTiles tiles={tiles} />
      {tiles.every((tile) => tile.value === 0) && <p className="text-slate-700">{t('nothing')}</p>}
      <MarkHomeSeen />
    </section>
  );
}
