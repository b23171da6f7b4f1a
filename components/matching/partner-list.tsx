import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import type { PartnerRow, PartnersView } from '@/lib/listings/partners';
import { MatchReasons } from './match-reasons';

/** "Find partners": ranked listings of the other kind with score and reasons, hints for the owner. */
export async function PartnerList({ view }: { view: PartnersView }) {
  const t = await getTranslations('matching');
  const { listing, partners, weaker, hints } = view;
  const base = listing.kind === 'need' ? '/needs' : '/seeds';
  const langName = (l: string) => (l === 'ja' ? t('partners.languageJa') : t('partners.languageEn'));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Link href={`${base}/${listing.id}`} className="text-sm text-teal-800 underline">
          {t('partners.back')}
        </Link>
        <h1 className="text-2xl font-semibold text-slate-900">
          {t(listing.kind === 'need' ? 'partners.titleNeed' : 'partners.titleSeed')}
        </h1>
        <p className="text-slate-700">{listing.title}</p>
        <p className="max-w-prose text-sm text-slate-600">{t('partners.intro')}</p>
      </div>
      {!listing.open && <Alert>{t('partners.notOpen')}</Alert>}

      {hints && hints.length > 0 && (
        <section aria-labelledby="match-hints" className="rounded-lg border border-amber-200 bg-amber-50 p-4">
          <h2 id="match-hints" className="font-semibold text-slate-900">
            {t('hints.title')}
          </h2>
          <p className="text-sm text-slate-700">{t('hints.intro')}</p>
          <ul className="mt-2 list-disc pl-5 text-sm text-slate-800">
            {hints.map((h) => (
              <li key={h.kind}>
                {h.kind === 'add_keywords_other_language'
                  ? t('hints.add_keywords_other_language', { lang: langName(h.lang) })
                  : t(`hints.${h.kind}`)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {partners.length === 0 ? (
        <EmptyState
          title={t('partners.emptyTitle')}
          text={
            <>
              {t(weaker.length ? 'partners.emptyWeaker' : 'partners.emptyText')}
              <span className="mt-3 block font-medium">{t('partners.tipsTitle')}</span>
              <span className="mt-1 block text-left">
                {(['keywords', 'bothLanguages', 'summary', 'later'] as const).map((k) => (
                  <span key={k} className="block">
                    • {t(`partners.tips.${k}`)}
                  </span>
                ))}
              </span>
            </>
          }
        />
      ) : (
        <ol className="flex flex-col gap-3">
          {partners.map((p, i) => (
            <Partner key={p.id} p={p} rank={i + 1} via={view.canAsk ? listing.id : null} />
          ))}
        </ol>
      )}

      {weaker.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          <summary className="cursor-pointer font-medium text-slate-800">
            {t('partners.weaker', { count: weaker.length })}
          </summary>
          <p className="mt-2 max-w-prose text-sm text-slate-600">{t('partners.weakerText')}</p>
          <ol className="mt-3 flex flex-col gap-3" start={partners.length + 1}>
            {weaker.map((p, i) => (
              <Partner key={p.id} p={p} rank={partners.length + i + 1} via={view.canAsk ? listing.id : null} />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

/** One ranked partner; `via` (the viewer's own listing) adds "I'm interested", linked to it. */
async function Partner({ p, rank, via }: { p: PartnerRow; rank: number; via: string | null }) {
  const t = await getTranslations('matching');
  const ti = await getTranslations('introductions');
  const format = await getFormatter();
  const otherBase = p.kind === 'need' ? '/needs' : '/seeds';
  const domain = (d: string) => (t.has(`domains.${d}`) ? t(`domains.${d}`) : d);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">
          <span className="sr-only">{t('partners.rank', { rank })} </span>
          <Link href={`${otherBase}/${p.id}`} lang={p.language} className="text-teal-800 underline">
            {p.title}
          </Link>
        </h2>
        <div className="flex gap-2">
          <Badge>{domain(p.domain)}</Badge>
          <Badge tone="info">
            {t('partners.score', {
              score: format.number(p.score, { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
            })}
          </Badge>
        </div>
      </div>
      <h3 className="mt-2 text-sm font-medium text-slate-700">{t('partners.why')}</h3>
      <MatchReasons reasons={p.reasons} className="mt-1 flex flex-col gap-1 text-sm text-slate-800" />
      {via && (
        <div className="mt-3">
          <ButtonLink href={`/introductions/new?kind=${p.kind}&id=${p.id}&via=${via}`} variant="secondary" size="sm">
            {ti('expressInterest')}
            <span className="sr-only">: {p.title}</span>
          </ButtonLink>
        </div>
      )}
    </li>
  );
}
