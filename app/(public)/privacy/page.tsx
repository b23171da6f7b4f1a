import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { env } from '@/lib/env';
import { retentionPeriods } from '@/lib/privacy/retention';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('privacy'))('title') };
}

const sections = {
  collected: ['account', 'content', 'activity', 'mail'],
  sharing: ['members', 'coordinators', 'counterparts', 'lenders', 'office', 'nobody'],
  rights: ['access', 'correct', 'delete'],
  deletion: ['erased', 'yours', 'organisation', 'last', 'audit'],
} as const;

/** The privacy notice (APPI), public; its retention periods are the ones the retention job applies. */
export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const [t, { deleted }] = await Promise.all([getTranslations('privacy'), searchParams]);
  const periods = retentionPeriods();
  const list = (name: keyof typeof sections) => (
    <section aria-labelledby={`privacy-${name}`} className="flex flex-col gap-2">
      <h2 id={`privacy-${name}`} className="text-xl font-semibold">
        {t(`${name}.title`)}
      </h2>
      <ul className="list-disc pl-6">
        {sections[name].map((k) => (
          <li key={k}>{t(`${name}.items.${k}` as Parameters<typeof t>[0])}</li>
        ))}
      </ul>
    </section>
  );
  const paragraph = (name: 'operator' | 'purposes' | 'contact', text: string) => (
    <section aria-labelledby={`privacy-${name}`} className="flex flex-col gap-2">
      <h2 id={`privacy-${name}`} className="text-xl font-semibold">
        {t(`${name}.title`)}
      </h2>
      <p>{text}</p>
    </section>
  );
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      {deleted && <Alert tone="success">{t('deleted')}</Alert>}
      <p className="text-slate-700">{t('updated')}</p>
      {paragraph('operator', t('operator.text'))}
      {list('collected')}
      {paragraph('purposes', t('purposes.text'))}
      {list('sharing')}
      <section aria-labelledby="privacy-retention" className="flex flex-col gap-2">
        <h2 id="privacy-retention" className="text-xl font-semibold">
          {t('retention.title')}
        </h2>
        <ul className="list-disc pl-6">
          <li>{t('retention.items.account')}</li>
          <li>{t('retention.items.messages', { years: periods.messagesYears })}</li>
          <li>{t('retention.items.notifications', { days: periods.notificationsDays })}</li>
          <li>{t('retention.items.mail', { days: periods.mailDays })}</li>
          <li>{t('retention.items.ip', { days: periods.ipDays })}</li>
          <li>{t('retention.items.job')}</li>
        </ul>
      </section>
      {list('rights')}
      {list('deletion')}
      {paragraph('contact', t('contact.text', { email: env().PRIVACY_CONTACT }))}
    </article>
  );
}
