import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Td } from '@/components/ui/table';
import { OwnItemsTable } from '@/components/lists/own-items-table';
import { getDb } from '@/db';
import { listApiTokens } from '@/lib/api/tokens';
import { requirePermission } from '@/lib/auth/guard';
import { revokeApiTokenAction } from '@/lib/api/actions';
import { CreateTokenForm } from './tokens-ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('api.tokens'))('title') };
}

const stateOf = (token: { revokedAt: Date | null; expiresAt: Date | null }, now: number) =>
  token.revokedAt ? 'revoked' : token.expiresAt && token.expiresAt.getTime() <= now ? 'expired' : 'active';

export default async function ApiTokensPage() {
  const viewer = await requirePermission('apiTokens.manage');
  const [tokens, t, format] = await Promise.all([
    listApiTokens(await getDb(), viewer),
    getTranslations('api.tokens'),
    getFormatter(),
  ]);
  const now = Date.now();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-700">
        {t('lead')}{' '}
        <a className="text-sky-800 underline" href="/api/v1/openapi.json">
          {t('docs')}
        </a>
      </p>
      <Card>
        <CardHeader>
          <CardTitle>{t('create')}</CardTitle>
        </CardHeader>
        <CardBody>
          <CreateTokenForm />
        </CardBody>
      </Card>
      {tokens.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <OwnItemsTable
          caption={t('list')}
          columns={[t('name'), t('prefix'), t('createdAt'), t('lastUsed'), t('expiresAt'), t('status')]}
          rows={tokens.map((token) => ({ ...token, state: stateOf(token, now) }))}
          cells={(token) => (
            <>
              <Td>{token.name}</Td>
              <Td>
                <code>{token.prefix}…</code>
              </Td>
              <Td>{format.dateTime(token.createdAt, 'short')}</Td>
              <Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt, 'short') : t('never')}</Td>
              <Td>{token.expiresAt ? format.dateTime(token.expiresAt, 'short') : t('never')}</Td>
              <Td>
                <Badge tone={token.state === 'active' ? 'success' : 'neutral'}>{t(token.state)}</Badge>
              </Td>
            </>
          )}
          remove={{
            label: t('revoke'),
            action: revokeApiTokenAction,
            confirmText: (token) => t('revokeConfirm', { name: token.name }),
            successMessage: t('revokedToast'),
            variant: 'danger',
            offered: (token) => token.state === 'active',
          }}
        />
      )}
    </div>
  );
}
