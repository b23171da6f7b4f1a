import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CheckInForm } from '@/components/introductions/check-in-answer';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody } from '@/components/ui/card';
import { getDb } from '@/db';
import { readCheckInLink } from '@/lib/introductions/check-ins';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('checkIns.link'))('title') };
}

/**
 * Where a check-in mail's one-click links land. Opening it changes nothing (mail scanners open links): it
 * shows the answer the link stands for, chosen, and records it only when the person confirms (a POST).
 * The signed token authorises the answer of the mail's recipient, signed in or not.
 */
export default async function CheckInLinkPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token }, t] = await Promise.all([searchParams, getTranslations('checkIns')]);
  const view = typeof token === 'string' && token.length <= 600 ? await readCheckInLink(await getDb(), token) : null;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-6 text-2xl font-semibold">{t('link.title')}</h1>
      <Card>
        <CardBody className="flex flex-col gap-4">
          {!view || !token ? (
            <Alert tone="danger">{t('link.invalid')}</Alert>
          ) : !view.open ? (
            <Alert tone="warning">{t('errors.not_open')}</Alert>
          ) : (
            <>
              <p>{t('link.intro', { days: view.link.days, listing: view.listing })}</p>
              <CheckInForm
                target={{ token }}
                days={view.link.days}
                current={{ answer: view.current?.answer ?? null, version: view.current?.version ?? 0 }}
                note={view.current?.note ?? null}
                preselected={view.link.answer}
              />
            </>
          )}
          {view && (
            <p className="text-sm">
              <Link href={`/introductions/${view.link.matchId}`} className="font-medium text-teal-800 underline">
                {t('link.open')}
              </Link>
            </p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
