import 'server-only';
import type { Viewer } from '@/lib/auth/policy';
import { MAX_EXPORT_ROWS } from '@/lib/listings/rules';
import { searchAll } from '@/lib/listings/search';
import type { NeedView, SeedView } from '@/lib/listings/listing-views';
import type { SearchParams } from '@/lib/listings/validation';
import { toExcelCsv } from './csv';

const orgName = (v: NeedView | SeedView, locale: 'ja' | 'en') =>
  v.organisation.kind === 'name'
    ? locale === 'ja'
      ? v.organisation.nameJa
      : v.organisation.nameEn
    : v.organisation.kind === 'anonymous'
      ? v.organisation.label
      : '';

/**
 * The browse page's search (same function, same visibility and disclosure rules) as CSV, with
 * the import's column names so an export can be edited and imported again.
 */
export async function exportListingsCsv(
  viewer: Viewer,
  kind: 'needs' | 'seeds',
  params: SearchParams,
  appUrl: string,
  max = MAX_EXPORT_ROWS,
): Promise<{ csv: string; count: number; truncated: boolean }> {
  const found = await searchAll(viewer, kind, params, max + 1); // one more tells whether there were more
  const truncated = found.length > max;
  const common = (v: NeedView | SeedView) => [
    v.id,
    v.title,
    v.summary,
    v.domain,
    v.keywords,
    v.language,
    v.prefecture,
    orgName(v, viewer.locale),
    v.organisationKind,
    v.publishedAt,
    `${appUrl}/${kind}/${v.id}`,
  ];
  const commonHeaders = [
    'id',
    'title',
    'summary',
    'domain',
    'keywords',
    'language',
    'prefecture',
    'organisation',
    'organisation_kind',
    'published_at',
    'url',
  ];
  const rows = found.slice(0, max);
  if (kind === 'needs') {
    const headers = [
      ...commonHeaders,
      'trl_min',
      'trl_max',
      'budget_min_jpy',
      'budget_max_jpy',
      'timeline',
      'partner_kinds',
      'region_preference',
      'accept_royalty_max_pct',
      'accept_upfront_max_jpy',
      'accept_territories',
      'wants_exclusive',
      'needs_sublicensing',
    ];
    const data = (rows as NeedView[]).map((v) => [
      ...common(v),
      v.trlMin,
      v.trlMax,
      v.budgetMinJpy,
      v.budgetMaxJpy,
      v.timeline,
      v.partnerKinds,
      v.regionPreference,
      v.acceptTerms.royaltyMaxPct,
      v.acceptTerms.upfrontMaxJpy,
      v.acceptTerms.territories,
      v.acceptTerms.exclusive,
      v.acceptTerms.sublicensing,
    ]);
    return { csv: toExcelCsv(headers, data, { timeZone: viewer.timeZone }), count: data.length, truncated };
  }
  // the structured licensing terms as the seed view gives them (none on a teaser)
  const termHeaders = [
    'royalty_min_pct',
    'royalty_max_pct',
    'upfront_fee_min_jpy',
    'upfront_fee_max_jpy',
    'milestone_fee_min_jpy',
    'milestone_fee_max_jpy',
    'licence_territories',
    'field_of_use',
    'exclusivity_months',
    'sublicensing',
    'option_agreement',
  ];
  const headers = [...commonHeaders, 'trl', 'licensing', 'ip_status', 'lead_researcher', 'advantages', ...termHeaders];
  const data = (rows as SeedView[]).map((v) => [
    ...common(v),
    v.trl,
    v.licensing,
    v.ipStatus,
    v.leadResearcher,
    v.advantages,
    v.terms.royaltyMinPct,
    v.terms.royaltyMaxPct,
    v.terms.upfrontFeeMinJpy,
    v.terms.upfrontFeeMaxJpy,
    v.terms.milestoneFeeMinJpy,
    v.terms.milestoneFeeMaxJpy,
    v.terms.licenceTerritories,
    v.terms.fieldOfUse,
    v.terms.exclusivityMonths,
    v.terms.sublicensing,
    v.terms.optionAgreement,
  ]);
  return { csv: toExcelCsv(headers, data, { timeZone: viewer.timeZone }), count: data.length, truncated };
}
