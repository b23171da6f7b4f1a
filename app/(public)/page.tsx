import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { getViewer } from '@/lib/auth/session';

export default async function LandingPage() {
  if (await getViewer().catch(() => null)) redirect('/home');
  const t = await getTranslations('landing');
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
