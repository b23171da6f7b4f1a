import { getTranslations } from 'next-intl/server';
import { ProposeMatch } from '@/components/introductions/propose-match';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';

type Option = { id: string; title: string };

/**
 * Proposing a match by hand, folded under the queue until used: search needs and seeds (GET
 * ?needQ=&seedQ=, the same bilingual search as browsing), then pair one of each. Says when a
 * search found nothing.
 */
export async function ProposeSection({
  needQ,
  seedQ,
  needs,
  seeds,
}: {
  needQ: string;
  seedQ: string;
  needs: Option[];
  seeds: Option[];
}) {
  const [t, tc] = await Promise.all([getTranslations('introductions'), getTranslations('common')]);
  const searched = Boolean(needQ || seedQ);
  return (
    <details open={searched} className="rounded-lg border border-slate-200 bg-white">
      <summary className="cursor-pointer px-4 py-3 font-semibold">{t('proposeTitle')}</summary>
      <div className="flex flex-col gap-4 border-t border-slate-200 p-4">
        <form method="get" action="/introductions/queue" className="grid gap-3 sm:grid-cols-3 sm:items-end">
          <FormField label={t('searchNeed')}>
            <TextField name="needQ" defaultValue={needQ} maxLength={100} />
          </FormField>
          <FormField label={t('searchSeed')}>
            <TextField name="seedQ" defaultValue={seedQ} maxLength={100} />
          </FormField>
          <div>
            <Button type="submit" variant="secondary">
              {tc('search')}
            </Button>
          </div>
          <p className="text-sm text-slate-700 sm:col-span-3">{t('searchHint')}</p>
        </form>
        {searched && (
          <div role="status" className="flex flex-col gap-1 text-sm text-slate-800">
            {needQ && needs.length === 0 && <p>{t('noNeedsFound', { q: needQ })}</p>}
            {seedQ && seeds.length === 0 && <p>{t('noSeedsFound', { q: seedQ })}</p>}
            {(!needQ || !seedQ) && <p>{t('searchBoth')}</p>}
          </div>
        )}
        {needs.length > 0 && seeds.length > 0 && <ProposeMatch needs={needs} seeds={seeds} />}
      </div>
    </details>
  );
}
