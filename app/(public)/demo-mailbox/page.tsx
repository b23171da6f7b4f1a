import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { demoMailboxEnabled, latestOutboxMails } from '@/lib/mail/demo-mailbox';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demoMailbox'))('title'), robots: { index: false } };
}

const URL_IN_TEXT = /(https?:\/\/[^\s]+)/;

/** The mail's text with its addresses as links (the sign-up link is what people come here for). */
function MailText({ text }: { text: string }) {
  return (
    <p className="whitespace-pre-wrap break-words text-sm">
      {text.split(URL_IN_TEXT).map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
          <a key={i} href={part} className="font-medium text-teal-800 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}

// Only where `npm run demo` runs without a mail server (lib/mail/demo-mailbox.ts says why).
export default async function DemoMailboxPage() {
  if (!demoMailboxEnabled()) notFound();
  const [mails, t, format] = await Promise.all([
    latestOutboxMails(await getDb()),
    getTranslations('demoMailbox'),
    getFormatter(),
  ]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      {mails.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t('title')}>
          {mails.map((m) => (
            <li key={m.id}>
              <Card>
                <CardBody>
                  <h2 className="font-semibold">{m.subject}</h2>
                  <p className="mb-2 text-sm text-slate-700">
                    {t('to')}: {m.toAddress} · {format.dateTime(m.createdAt, 'long')}
                  </p>
                  <MailText text={m.textBody} />
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
