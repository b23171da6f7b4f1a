import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { NeedView, OrganisationLabel, SeedView } from '@/lib/listings/disclosure';

export async function organisationText(org: OrganisationLabel, kindLabel: string): Promise<string> {
  const locale = await getLocale();
  if (org.kind === 'name') return locale === 'en' ? org.nameEn : org.nameJa;
  if (org.kind === 'anonymous') return org.label;
  return kindLabel;
}

/** One search result: only fields of the card view (no details, no people). */
export async function ListingCard({ view, href }: { view: NeedView | SeedView; href: string }) {
  const [t, tr, format] = await Promise.all([getTranslations('listings'), getTranslations(), getFormatter()]);
  const kindLabel = tr(`orgKinds.${view.organisationKind}`);
  const org = await organisationText(view.organisation, kindLabel);
  return (
    <article className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-lg font-semibold">
        <Link href={href} className="text-teal-800 underline-offset-2 hover:underline">
          {view.title}
        </Link>
      </h3>
      <p className="text-sm text-slate-700">
        {org}
        {view.organisation.kind === 'name' && <> · {kindLabel}</>} · {view.prefecture}
        {view.publishedAt && <> · {t('detail.posted', { date: format.dateTime(view.publishedAt, 'short') })}</>}
      </p>
      <p className="line-clamp-3 text-slate-800">{view.summary}</p>
      <div className="flex flex-wrap gap-1.5">
        <Badge tone="info">{tr(`domains.${view.domain}`)}</Badge>
        {view.kind === 'need' && (view.trlMin || view.trlMax) && (
          <Badge>{t('detail.trlRange', { min: view.trlMin ?? 1, max: view.trlMax ?? 9 })}</Badge>
        )}
        {view.kind === 'seed' && view.trl && <Badge>{t('detail.trlSingle', { trl: view.trl })}</Badge>}
        {view.kind === 'seed' && view.ipStatus && <Badge tone="success">{t(`ipStatus.${view.ipStatus}`)}</Badge>}
        {view.kind === 'seed' && view.licensing.map((l) => <Badge key={l}>{t(`licensing.${l}`)}</Badge>)}
        {view.keywords.slice(0, 6).map((k) => (
          <Badge key={k} tone="neutral" className="font-normal">
            {k}
          </Badge>
        ))}
      </div>
    </article>
  );
}
