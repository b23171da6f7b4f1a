import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card, CardBody } from '@/components/ui/card';
import { getViewer } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

export default async function SignInPage() {
  if (await getViewer()) redirect('/home');
  const t = await getTranslations('auth');
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">{t('signInTitle')}</h1>
      <Card>
        <CardBody>
          <SignInForm />
        </CardBody>
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        {t('noAccount')}{' '}
        <Link href="/sign-up" className="font-medium text-teal-800 underline">
          {t('signUpLink')}
        </Link>
      </p>
    </div>
  );
}
