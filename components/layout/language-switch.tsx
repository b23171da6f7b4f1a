'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { switchLocaleAction } from '@/lib/accounts/actions';
import { clsx } from 'clsx';

const options = [
  { locale: 'ja', label: '日本語' },
  { locale: 'en', label: 'English' },
] as const;

export function LanguageSwitch() {
  const current = useLocale();
  const t = useTranslations('nav');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form section: a fieldset would bring a legend and form semantics
    <div
      role="group"
      aria-label={t('language')}
      className="flex rounded-md border border-slate-300 bg-white p-0.5 text-sm"
    >
      {options.map(({ locale, label }) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await switchLocaleAction({ locale });
              router.refresh();
            })
          }
          className={clsx(
            'min-h-9 whitespace-nowrap rounded px-2 font-medium sm:px-2.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700',
            current === locale ? 'bg-teal-700 text-white' : 'text-slate-700 hover:bg-slate-100',
          )}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
