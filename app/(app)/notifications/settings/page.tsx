import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MailPreferencesForm } from '@/components/notifications/notification-controls';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { getMailPreferences } from '@/lib/mail/preferences';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('settings') };
}

export default async function MailSettingsPage() {
  const viewer = await requirePermission('notifications.view');
  const [prefs, t] = await Promise.all([
    getMailPreferences(await getDb(), viewer.userId),
    getTranslations('notifications'),
  ]);
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('settings')}</h1>
      <p className="text-slate-700">{t('settingsIntro')}</p>
      <MailPreferencesForm initial={prefs} />
    </div>
  );
}
