import 'server-only';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { BadgeTone } from '@/components/ui/badge';
import type { NeedView, OrganisationLabel, SeedView } from '@/lib/listings/listing-views';
import { prefectureName } from '@/lib/prefectures';

function organisationIn(locale: string, org: OrganisationLabel, kindLabel: string): string {
  if (org.kind === 'name') return locale === 'en' ? org.nameEn : org.nameJa;
  if (org.kind === 'anonymous') return org.label;
  return kindLabel;
}

export async function organisationText(org: OrganisationLabel, kindLabel: string): Promise<string> {
  return organisationIn(await getLocale(), org, kindLabel);
}

/**
 * What a result card shows, as plain translated strings: the card is drawn from this small
 * object (in the page payload once) instead of a server-rendered element tree per card.
 */
export type CardData = {
  id: string;
  href: string;
  title: string;
  /** Organisation · kind · prefecture · posted, already joined. */
  meta: string;
  summary: string;
  tags: Array<{ text: string; tone: BadgeTone; plain?: true }>;
};

/** Card data of one page of results: translators and formatter looked up once, not per card. */
export async function cardsOf(views: Array<NeedView | SeedView>, basePath: string): Promise<CardData[]> {
  const [t, tr, format, locale] = await Promise.all([
    getTranslations('listings'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  return views.map((view) => {
    const kindLabel = tr(`orgKinds.${view.organisationKind}`);
    const meta = [organisationIn(locale, view.organisation, kindLabel)];
    if (view.organisation.kind === 'name') meta.push(kindLabel);
    meta.push(prefectureName(view.prefecture, locale));
    if (view.publishedAt) meta.push(t('detail.posted', { date: format.dateTime(view.publishedAt, 'short') }));
    const tags: CardData['tags'] = [{ text: tr(`domains.${view.domain}`), tone: 'info' }];
    if (view.kind === 'need' && (view.trlMin || view.trlMax))
      tags.push({ text: t('detail.trlRange', { min: view.trlMin ?? 1, max: view.trlMax ?? 9 }), tone: 'neutral' });
    if (view.kind === 'seed') {
      if (view.trl) tags.push({ text: t('detail.trlSingle', { trl: view.trl }), tone: 'neutral' });
      if (view.ipStatus) tags.push({ text: t(`ipStatus.${view.ipStatus}`), tone: 'success' });
      for (const l of view.licensing) tags.push({ text: t(`licensing.${l}`), tone: 'neutral' });
    }
    for (const k of view.keywords.slice(0, 6)) tags.push({ text: k, tone: 'neutral', plain: true });
    return {
      id: view.id,
      href: `${basePath}/${view.id}`,
      title: view.title,
      meta: meta.join(' · '),
      summary: view.summary,
      tags,
    };
  });
}
