import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import type { MatchForViewer } from '@/lib/introductions/data';
import { territoryName } from '@/lib/listings/territories';
import { prefectureName } from '@/lib/prefectures';

/** What the asker offered and wants (an expression of interest), who asked, and a sales channel's terms. */
export async function InterestCard({ match }: { match: MatchForViewer }) {
  const { interest } = match;
  if (!interest) return null;
  const [t, tKinds, tTerritories, format, locale] = await Promise.all([
    getTranslations('introductions'),
    getTranslations('orgKinds'),
    getTranslations('territories'),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('interest')}</CardTitle>
      </CardHeader>
      <CardBody>
        <dl className="grid gap-2 sm:grid-cols-3">
          <div>
            <dt className="text-sm font-medium">{t('offer')}</dt>
            <dd className="whitespace-pre-wrap">{interest.offer}</dd>
          </div>
          <div>
            <dt className="text-sm font-medium">{t('want')}</dt>
            <dd className="whitespace-pre-wrap">{interest.want}</dd>
          </div>
          <div>
            <dt className="text-sm font-medium">{t('timing')}</dt>
            <dd>{interest.timing}</dd>
          </div>
          {match.requester && (
            <div>
              <dt className="text-sm font-medium">{t('asker')}</dt>
              <dd>
                {[
                  match.requester.name ? (locale === 'en' ? match.requester.name.en : match.requester.name.ja) : null,
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
                  {format.list(match.channel.territories.map((c) => territoryName(c, locale, (k) => tTerritories(k))))}
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
  );
}
