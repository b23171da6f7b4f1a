'use client';

import { useLocale, useTranslations } from 'next-intl';
import { PrefectureOptions } from '@/components/forms/prefecture-options';
import { Button, ButtonLink } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { postedWithin, type SearchParams } from '@/lib/listings/validation';
import { territoryCodes, territoryName } from '@/lib/listings/territories';
import { organisationKinds } from '@/db/vocabulary/accounts';
import { domains } from '@/db/vocabulary/clusters';
import { ipStatuses, licensingTerms, type ListingKind } from '@/db/vocabulary/listings';

type Cluster = { id: string; nameJa: string; nameEn: string };

/**
 * GET form: the URL holds the search, so results can be bookmarked and shared. A client
 * component only so that its ~100 options are drawn from the messages already on the page
 * rather than sent as an element tree with every result page; it works without JavaScript.
 */
export function SearchForm({
  kind,
  params,
  clusters,
  action,
  publicMode = false,
}: {
  kind: ListingKind;
  params: SearchParams;
  clusters: Cluster[];
  action: string;
  publicMode?: boolean;
}) {
  const t = useTranslations('listings');
  const tr = useTranslations();
  const locale = useLocale();
  const any = <option value="">{t('search.any')}</option>;
  return (
    // biome-ignore lint/a11y/useSemanticElements: role=search on the form is the supported landmark; <search> is too new for some screen readers
    <form
      method="get"
      action={action}
      role="search"
      aria-label={t('search.label')}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <FormField label={t('search.q')} hint={t('search.qHint')} className="flex-1">
          <TextField type="search" name="q" defaultValue={params.q ?? ''} maxLength={200} />
        </FormField>
        <Button type="submit">{t('search.submit')}</Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FormField label={t('search.domain')}>
          <Select name="domain" defaultValue={params.domain ?? ''}>
            {any}
            {domains.map((d) => (
              <option key={d} value={d}>
                {tr(`domains.${d}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('search.trl')} hint={kind === 'need' ? t('search.trlHintNeed') : t('search.trlHintSeed')}>
          <Select name="trl" defaultValue={params.trl ? String(params.trl) : ''}>
            {any}
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </FormField>
        {kind === 'seed' && (
          <>
            <FormField label={t('search.ipStatus')}>
              <Select name="ipStatus" defaultValue={params.ipStatus ?? ''}>
                {any}
                {ipStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`ipStatus.${s}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t('search.licensing')}>
              <Select name="licensing" defaultValue={params.licensing ?? ''}>
                {any}
                {licensingTerms.map((s) => (
                  <option key={s} value={s}>
                    {t(`licensing.${s}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            {!publicMode && <TermsFilters params={params} any={any} />}
          </>
        )}
        <FormField label={t('search.prefecture')}>
          <Select name="prefecture" defaultValue={params.prefecture ?? ''}>
            {any}
            <PrefectureOptions current={params.prefecture} />
          </Select>
        </FormField>
        {!publicMode && (
          <>
            <FormField label={t('search.cluster')}>
              <Select name="cluster" defaultValue={params.cluster ?? ''}>
                {any}
                {clusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {locale === 'en' ? c.nameEn : c.nameJa}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t('search.orgKind')}>
              <Select name="orgKind" defaultValue={params.orgKind ?? ''}>
                {any}
                {organisationKinds
                  .filter((k) =>
                    kind === 'need' ? k === 'sme' : ['university', 'research_institute', 'tlo'].includes(k),
                  )
                  .map((k) => (
                    <option key={k} value={k}>
                      {tr(`orgKinds.${k}`)}
                    </option>
                  ))}
              </Select>
            </FormField>
          </>
        )}
        <FormField label={t('search.posted')}>
          <Select name="posted" defaultValue={params.posted ?? ''}>
            {any}
            {postedWithin.map((p) => (
              <option key={p} value={p}>
                {t(`search.postedOptions.${p}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('search.sort')}>
          <Select name="sort" defaultValue={params.sort ?? 'relevance'}>
            <option value="relevance">{t('search.sortRelevance')}</option>
            <option value="newest">{t('search.sortNewest')}</option>
          </Select>
        </FormField>
      </div>
      <div>
        <ButtonLink href={action} variant="ghost" size="sm">
          {t('search.reset')}
        </ButtonLink>
      </div>
    </form>
  );
}

/** Filters on a seed's structured licensing terms (members only: teasers carry no terms). */
function TermsFilters({ params, any }: { params: SearchParams; any: React.ReactNode }) {
  const t = useTranslations('listings');
  const tTerritories = useTranslations('territories');
  const locale = useLocale();
  return (
    <>
      <FormField label={t('terms.filterRoyaltyMax')} hint={t('terms.filterRoyaltyMaxHint')}>
        <TextField
          type="number"
          inputMode="decimal"
          name="royaltyMax"
          min={0}
          max={100}
          step="0.1"
          defaultValue={params.royaltyMax ?? ''}
        />
      </FormField>
      <FormField label={t('terms.filterTerritory')}>
        <Select name="territory" defaultValue={params.territory ?? ''}>
          {any}
          {territoryCodes.map((c) => (
            <option key={c} value={c}>
              {territoryName(c, locale, (k) => tTerritories(k as never))}
            </option>
          ))}
        </Select>
      </FormField>
      <Checkbox
        name="sublicensing"
        value="yes"
        defaultChecked={params.sublicensing === 'yes'}
        label={t('terms.filterSublicensing')}
      />
      <Checkbox name="option" value="yes" defaultChecked={params.option === 'yes'} label={t('terms.filterOption')} />
    </>
  );
}
