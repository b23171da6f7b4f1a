import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody } from '@/components/ui/card';
import { demoMailboxEnabled } from '@/lib/mail/demo-mailbox';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('checkMailTitle') };
}

// Where every sign-up lands, for a new address and a registered one alike (issue 12 item 3).
export default async function CheckMailPage() {
  const [t, tDemo] = await Promise.all([getTranslations('auth'), getTranslations('demoMailbox')]);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">{t('checkMailTitle')}</h1>
      <Card>
        <CardBody>
          <p role="status" className="text-slate-800">
            {t('checkMailBody')}
          </p>
          <p className="mt-4 text-sm text-slate-700">
            {t('checkMailNone')}{' '}
            <Link href="/sign-up" className="font-medium text-teal-800 underline">
              {t('signUpAgain')}
            </Link>
          </p>
        </CardBody>
      </Card>
      {demoMailboxEnabled() && (
        <Alert className="mt-4" role="note">
          {tDemo('hint')}{' '}
          <Link href="/demo-mailbox" className="font-medium text-teal-800 underline">
            {tDemo('open')}
          </Link>
        </Alert>
      )}
    </div>
  );
}
