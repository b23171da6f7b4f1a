import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, CardBody } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('checkMailTitle') };
}

// Where every sign-up lands, for a new address and a registered one alike (issue 12 item 3).
export default async function CheckMailPage() {
  const t = await getTranslations('auth');
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
    </div>
  );
}
