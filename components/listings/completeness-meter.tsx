'use client';

import { useTranslations } from 'next-intl';
import { completeness, type CompletenessInput } from '@/lib/listings/rules';

// Width in steps of 10 % as classes: an inline style attribute would need 'unsafe-inline' in the CSP.
const WIDTHS = [
  'w-0',
  'w-[10%]',
  'w-[20%]',
  'w-[30%]',
  'w-[40%]',
  'w-[50%]',
  'w-[60%]',
  'w-[70%]',
  'w-[80%]',
  'w-[90%]',
  'w-full',
] as const;

/** Live completeness score with concrete advice, shown beside the form while editing. */
export function CompletenessMeter({ input }: { input: CompletenessInput }) {
  const t = useTranslations('listings.completeness');
  const { score, advice } = completeness(input);
  return (
    <section
      aria-labelledby="completeness-heading"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="completeness-heading" className="text-base font-semibold">
        {t('title')}
      </h2>
      <div>
        <p className="mb-1 text-sm font-medium" id="completeness-score">
          {t('score', { score })}
        </p>
        {/* biome-ignore lint/a11y/useSemanticElements: <meter> cannot be styled alike across browsers; this div carries the same semantics */}
        <div
          role="meter"
          aria-labelledby="completeness-score"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={score}
          className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className={`h-full ${WIDTHS[Math.round(Math.min(100, Math.max(0, score)) / 10)]} ${
              score >= 80 ? 'bg-emerald-700' : score >= 50 ? 'bg-amber-600' : 'bg-red-700'
            }`}
          />
        </div>
      </div>
      {advice.length === 0 ? (
        <p className="text-sm text-slate-700">{t('allGood')}</p>
      ) : (
        <div className="text-sm text-slate-800">
          <p className="font-medium">{t('adviceTitle')}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {advice.map((key) => (
              <li key={key}>{t(`advice.${key}`)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
