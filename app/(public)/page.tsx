import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { getViewer } from '@/lib/auth/session';
import { portalFigures } from '@/lib/home/news';

const icon = (d: string): ReactNode => (
  <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" className="size-7">
    <path strokeLinecap="round" strokeLinejoin="round" d={d} />
  </svg>
);

// How it works, in three pictures: post, get matched (with reasons), be introduced.
const steps = [
  ['post', icon('M7 3h7l4 4v14H7zM14 3v4h4M10 12h5M10 16h5')],
  [
    'match',
    icon('M8 7a3 3 0 1 1 0 6 3 3 0 0 1 0-6ZM16 11a3 3 0 1 1 0 6 3 3 0 0 1 0-6ZM10.6 11.4l2.8 1.2M4 20l2-4M20 4l-2 4'),
  ],
  ['meet', icon('M3 12l4-4 5 3 5-3 4 4-7 6zM12 11v7M8 4h.01M16 4h.01')],
] as const;

const figureKeys = ['clusters', 'organisations', 'listings', 'introductions'] as const;

export default async function LandingPage() {
  if (await getViewer().catch(() => null)) redirect('/home');
  const [t, format, figures] = await Promise.all([
    getTranslations('landing'),
    getFormatter(),
    portalFigures().catch(() => null), // the page stays up while the database is not
  ]);
  const audiences = [
    ['forSme', 'forSmeText'],
    ['forResearch', 'forResearchText'],
    ['forPartners', 'forPartnersText'],
  ] as const;
  return (
    <div className="flex flex-col gap-12">
      <section className="flex flex-col gap-5 pt-6">
        <h1 className="max-w-3xl text-3xl font-semibold leading-tight sm:text-4xl">{t('heading')}</h1>
        <p className="max-w-3xl text-lg text-slate-700">{t('lead')}</p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/sign-up" size="lg">
            {t('ctaSignUp')}
          </ButtonLink>
          <ButtonLink href="/sign-in" size="lg" variant="secondary">
            {t('ctaSignIn')}
          </ButtonLink>
          <ButtonLink href="/seeds" size="lg" variant="secondary">
            {t('ctaBrowseSeeds')}
          </ButtonLink>
        </div>
      </section>
      {figures && (
        <section aria-labelledby="figures-heading" className="flex flex-col gap-4">
          <h2 id="figures-heading" className="text-xl font-semibold">
            {t('figures.title')}
          </h2>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
            {figureKeys.map((key) => (
              <div key={key} className="flex flex-col-reverse gap-1 rounded-lg border border-slate-200 bg-white p-4">
                <dt className="text-sm font-medium text-slate-700">{t(`figures.${key}`)}</dt>
                <dd className="text-3xl font-semibold text-teal-800">{format.number(figures[key])}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="how-heading" className="flex flex-col gap-4">
        <h2 id="how-heading" className="text-xl font-semibold">
          {t('how.title')}
        </h2>
        <ol className="grid gap-4 md:grid-cols-3">
          {steps.map(([key, picture], i) => (
            <li key={key} className="flex gap-4 rounded-lg border border-slate-200 bg-white p-5">
              <span className="flex size-14 shrink-0 items-center justify-center rounded-full bg-teal-50 text-teal-800">
                {picture}
              </span>
              <div>
                <h3 className="font-semibold">
                  {i + 1}. {t(`how.${key}`)}
                </h3>
                <p className="mt-1 text-slate-700">{t(`how.${key}Text`)}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>
      <section className="grid gap-6 md:grid-cols-3">
        {audiences.map(([title, text]) => (
          <div key={title} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-2 text-lg font-semibold">{t(title)}</h2>
            <p className="text-slate-700">{t(text)}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
