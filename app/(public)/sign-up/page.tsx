import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardBody } from '@/components/ui/card';
import { listOrganisationsForSignUp } from '@/lib/accounts/sign-up';
import { getViewer } from '@/lib/auth/session';
import { SignUpForm } from './sign-up-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signUpTitle') };
}

export default async function SignUpPage() {
  if (await getViewer()) redirect('/home');
  const [t, tPrivacy, locale, organisations] = await Promise.all([
    getTranslations('auth'),
    getTranslations('privacy'),
    getLocale(),
    listOrganisationsForSignUp(),
  ]);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-2 text-2xl font-semibold">{t('signUpTitle')}</h1>
      <p className="mb-2 text-slate-700">{t('signUpIntro')}</p>
      <p className="mb-6 text-sm text-slate-700">
        {tPrivacy.rich('signUpNotice', {
          link: (chunks) => (
            <Link href="/privacy" className="font-medium text-teal-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <Card>
        <CardBody>
          <SignUpForm
            locale={locale === 'en' ? 'en' : 'ja'}
            organisations={organisations.map((o) => ({
              id: o.id,
              name: locale === 'en' ? o.nameEn : o.nameJa,
              kind: o.kind,
            }))}
          />
        </CardBody>
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        {t('haveAccount')}{' '}
        <Link href="/sign-in" className="font-medium text-teal-800 underline">
          {t('signInLink')}
        </Link>
      </p>
    </div>
  );
}
