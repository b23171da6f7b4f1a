import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody } from '@/components/ui/card';
import { findSignUpRequest } from '@/lib/accounts/sign-up';
import { confirmSignUpSchema } from '@/lib/accounts/validation';
import { getViewer } from '@/lib/auth/session';
import { ConfirmSignUpForm } from './confirm-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('confirmTitle') };
}

// The link of the sign-up mail: the password chosen at sign-up finishes the account.
export default async function ConfirmSignUpPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  if (await getViewer()) redirect('/home');
  const [{ token }, t, tErrors] = await Promise.all([searchParams, getTranslations('auth'), getTranslations('errors')]);
  const valid = confirmSignUpSchema.shape.token.safeParse(token);
  const request = valid.success ? await findSignUpRequest(valid.data) : null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">{t('confirmTitle')}</h1>
      <Card>
        <CardBody>
          {request && valid.success ? (
            <>
              <p className="mb-4 text-slate-800">{t('confirmIntro', { email: request.email })}</p>
              <ConfirmSignUpForm token={valid.data} />
            </>
          ) : (
            <>
              <Alert tone="danger">{tErrors('sign_up_link_invalid')}</Alert>
              <p className="mt-4 text-sm">
                <Link href="/sign-up" className="font-medium text-teal-800 underline">
                  {t('signUpAgain')}
                </Link>
              </p>
            </>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
