import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { getAccount } from '@/lib/accounts/data';
import { can } from '@/lib/auth/policy';
import { requirePermission } from '@/lib/auth/guard';
import { timeZoneChoices } from '@/lib/i18n/time-zone';
import { ChangePasswordForm } from './change-password-form';
import { DeleteAccountForm } from './delete-account-form';
import { ProfileForm } from './profile-form';
import { SignOutEverywhere } from './sign-out-everywhere';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const viewer = await requirePermission('account.view');
  const [account, t, tr, format, locale, { welcome }, tTokens, tSearches, tImport, tPrivacy] = await Promise.all([
    getAccount(viewer),
    getTranslations('account'),
    getTranslations(),
    getFormatter(),
    getLocale(),
    searchParams,
    getTranslations('api.tokens'),
    getTranslations('searches'),
    getTranslations('import'),
    getTranslations('privacy'),
  ]);
  const tools = [
    can(viewer, 'savedSearches.manage') && { href: '/account/searches', label: tSearches('title') },
    can(viewer, 'apiTokens.manage') && { href: '/account/tokens', label: tTokens('title') },
    can(viewer, 'listings.import') && { href: '/import', label: tImport('title') },
  ].filter((x): x is { href: string; label: string } => Boolean(x));
  const orgName = locale === 'en' ? account.organisation.nameEn : account.organisation.nameJa;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      {welcome && <Alert tone="success">{t('welcome')}</Alert>}
      {!viewer.verified && <Alert tone="warning">{t('pending')}</Alert>}
      <Card>
        <CardHeader>
          <CardTitle>{t('profile')}</CardTitle>
        </CardHeader>
        <CardBody className="flex flex-col gap-6">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-700">{t('email')}</dt>
            <dd>{account.email}</dd>
            <dt className="font-medium text-slate-700">{t('role')}</dt>
            <dd>{tr(`roles.${account.role}`)}</dd>
            <dt className="font-medium text-slate-700">{t('organisation')}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              {orgName} <span className="text-slate-700">({tr(`orgKinds.${account.organisation.kind}`)})</span>
              <Badge tone={account.organisation.verified ? 'success' : 'warning'}>
                {account.organisation.verified ? tr('org.verified') : tr('org.unverified')}
              </Badge>
            </dd>
            <dt className="font-medium text-slate-700">{t('memberSince')}</dt>
            <dd>{format.dateTime(account.createdAt, 'short')}</dd>
            {account.lastSignInAt && (
              <>
                <dt className="font-medium text-slate-700">{t('lastSignIn')}</dt>
                <dd>{format.dateTime(account.lastSignInAt, 'long')}</dd>
              </>
            )}
          </dl>
          <ProfileForm
            defaultValues={{
              name: account.name,
              phone: account.phone ?? '',
              locale: account.locale,
              timeZone: account.timeZone,
            }}
            timeZones={timeZoneChoices()}
          />
        </CardBody>
      </Card>
      {tools.length > 0 && (
        <nav aria-label={tSearches('toolsNav')} className="flex flex-wrap gap-4">
          {tools.map((tool) => (
            <a key={tool.href} href={tool.href} className="text-sky-800 underline">
              {tool.label}
            </a>
          ))}
        </nav>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t('changePassword')}</CardTitle>
        </CardHeader>
        <CardBody>
          <ChangePasswordForm />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('security')}</CardTitle>
        </CardHeader>
        <CardBody className="flex flex-col items-start gap-3">
          <p className="text-slate-700">{t('signOutEverywhereText')}</p>
          <SignOutEverywhere />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{tPrivacy('data.title')}</CardTitle>
        </CardHeader>
        <CardBody className="flex flex-col items-start gap-3">
          <p className="text-slate-700">{tPrivacy('data.text')}</p>
          <div className="flex flex-wrap gap-4">
            <a href="/api/account/data?format=json" download className="text-sky-800 underline">
              {tPrivacy('data.json')}
            </a>
            <a href="/api/account/data?format=csv" download className="text-sky-800 underline">
              {tPrivacy('data.csv')}
            </a>
            <a href="/privacy" className="text-sky-800 underline">
              {tPrivacy('data.notice')}
            </a>
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{tPrivacy('delete.title')}</CardTitle>
        </CardHeader>
        <CardBody className="flex flex-col gap-3">
          <p className="text-slate-700">{tPrivacy('delete.text')}</p>
          <ul className="list-disc pl-6 text-slate-700">
            {(['erased', 'yours', 'organisation', 'last', 'audit'] as const).map((k) => (
              <li key={k}>{tPrivacy(`deletion.items.${k}`)}</li>
            ))}
          </ul>
          <DeleteAccountForm />
        </CardBody>
      </Card>
    </div>
  );
}
