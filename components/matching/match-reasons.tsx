import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { territoryName } from '@/lib/listings/territories';
import type { LicenceCheck } from '@/lib/matching/licence-fit';
import type { MatchReason } from '@/lib/matching/reasons';
import type { TerritoryCode } from '@/db/vocabulary/listings';

const KINDS = new Set<MatchReason['kind']>([
  'shared_concepts',
  'shared_terms',
  'cross_language',
  'same_domain',
  'different_domain',
  'trl_fit',
  'ip',
  'licensing',
  'licence_term',
]);

/** Reasons as the engine stored them (jsonb): the known kinds only, so an old or odd entry never breaks a page. */
export function knownReasons(reasons: readonly unknown[]): MatchReason[] {
  return reasons.filter(
    (r): r is MatchReason =>
      typeof r === 'object' && r !== null && KINDS.has((r as { kind: MatchReason['kind'] }).kind),
  );
}

/**
 * The engine's reasons for one match (lib/matching/reasons.ts), one sentence each in the
 * viewer's language: shared concepts in both languages, field, TRL fit, IP and licensing.
 */
export async function MatchReasons({ reasons, className }: { reasons: readonly MatchReason[]; className?: string }) {
  const [t, tTerritories, format, locale] = await Promise.all([
    getTranslations('matching'),
    getTranslations('territories'),
    getFormatter(),
    getLocale(),
  ]);
  const domain = (d: string) => (t.has(`domains.${d}`) ? t(`domains.${d}`) : d);
  const langName = (l: string) => (l === 'ja' ? t('partners.languageJa') : t('partners.languageEn'));
  // the languages of the need and the seed, for the words quoted from each
  const crossing = reasons.find((r) => r.kind === 'cross_language');
  const needLang = crossing?.kind === 'cross_language' ? crossing.needLang : undefined;
  const seedLang = crossing?.kind === 'cross_language' ? crossing.seedLang : undefined;
  const text = (r: MatchReason) => {
    switch (r.kind) {
      case 'shared_concepts':
        return (
          <>
            {t('reasons.shared_concepts')}:{' '}
            {r.concepts.map((c, i) => (
              <span key={c.id}>
                {i > 0 && '、'}
                {c.needTerm && c.seedTerm ? (
                  <>
                    <span lang={needLang}>{c.needTerm}</span> ↔ <span lang={seedLang}>{c.seedTerm}</span>
                  </>
                ) : (
                  <>
                    <span lang="ja">{c.ja}</span> ↔ <span lang="en">{c.en}</span>
                  </>
                )}
              </span>
            ))}
          </>
        );
      case 'shared_terms':
        return `${t('reasons.shared_terms')}: ${(r.pairs ?? r.terms.map((w) => ({ need: w, seed: w })))
          .map((p) => (p.need === p.seed ? p.need : `${p.need} ↔ ${p.seed}`))
          .join(', ')}`;
      case 'cross_language':
        return t('reasons.cross_language', { from: langName(r.needLang), to: langName(r.seedLang) });
      case 'same_domain':
        return t('reasons.same_domain', { domain: domain(r.domain) });
      case 'different_domain':
        return t('reasons.different_domain', { needDomain: domain(r.needDomain), seedDomain: domain(r.seedDomain) });
      case 'trl_fit':
        return t(`reasons.trl_${r.fit}`, { seedTrl: r.seedTrl, needTrl: r.needTrl });
      case 'ip':
        return t('reasons.ip', {
          status: t.has(`ipStatus.${r.status}`) ? t(`ipStatus.${r.status}`) : r.status,
          jurisdictions: r.jurisdictions.length ? ` (${r.jurisdictions.join(', ')})` : '',
        });
      case 'licensing':
        return t('reasons.licensing', { terms: t.has(`licensing.${r.terms}`) ? t(`licensing.${r.terms}`) : r.terms });
      case 'licence_term':
        return licenceText(r.check);
    }
  };
  // a seed's licensing term against what the need can accept ("Royalty 2–4% within the need's 5% limit")
  const places = (codes: readonly string[]) =>
    format.list(codes.map((c) => territoryName(c as TerritoryCode, locale, (k) => tTerritories(k as never))));
  const licenceText = (c: LicenceCheck) => {
    switch (c.term) {
      case 'royalty':
      case 'upfront': {
        const value = (n: number) =>
          c.term === 'royalty'
            ? format.number(n / 100, { style: 'percent', maximumFractionDigits: 2 })
            : format.number(n, { style: 'currency', currency: 'JPY' });
        const range =
          c.min !== null && c.max !== null && c.min !== c.max
            ? t('reasons.licence_range', { min: value(c.min), max: value(c.max) })
            : value((c.min ?? c.max) as number);
        return t(`reasons.licence_${c.term}_${c.fit}`, { range, limit: value(c.limit) });
      }
      case 'territory':
        return t(`reasons.licence_territory_${c.fit}`, {
          offered: places(c.offered),
          needed: places(c.needed),
          missing: places(c.missing),
        });
      default:
        return t(`reasons.licence_${c.term}_${c.fit}`);
    }
  };
  return (
    <ul className={className}>
      {reasons.map((r, i) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered afresh, never reordered; the position is its identity
          key={i}
        >
          {text(r)}
        </li>
      ))}
    </ul>
  );
}
