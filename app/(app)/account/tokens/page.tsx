import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { getDb } from '@/db';
import { listApiTokens } from '@/lib/api/tokens';
import { requirePermission } from '@/lib/auth/guard';
import { ActionButton } from '@/components/forms/action-button';
import { revokeApiTokenAction } from '@/lib/api/actions';
import { CreateTokenForm } from './tokens-ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('api.tokens'))('title') };
}

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
        <Table caption={t('list')}>
          <THead>
            <Tr>
              <Th>{t('name')}</Th>
              <Th>{t('prefix')}</Th>
              <Th>{t('createdAt')}</Th>
              <Th>{t('lastUsed')}</Th>
              <Th>{t('expiresAt')}</Th>
              <Th>{t('status')}</Th>
              <Th>
                <span className="sr-only">{t('revoke')}</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {tokens.map((token) => {
              const state = token.revokedAt
                ? 'revoked'
                : token.expiresAt && token.expiresAt.getTime() <= now
                  ? 'expired'
                  : 'active';
              return (
                <Tr key={token.id}>
                  <Td>{token.name}</Td>
                  <Td>
                    <code>{token.prefix}…</code>
                  </Td>
                  <Td>{format.dateTime(token.createdAt, 'short')}</Td>
                  <Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt, 'short') : t('never')}</Td>
                  <Td>{token.expiresAt ? format.dateTime(token.expiresAt, 'short') : t('never')}</Td>
                  <Td>
                    <Badge tone={state === 'active' ? 'success' : 'neutral'}>{t(state)}</Badge>
                  </Td>
                  <Td>
                    {state === 'active' && (
                      <ActionButton
                        action={revokeApiTokenAction}
                        input={{ id: token.id }}
                        variant="danger"
                        aria-label={`${t('revoke')}: ${token.name}`}
                        successMessage={t('revokedToast')}
                        confirm={{
                          title: t('revoke'),
                          text: t('revokeConfirm', { name: token.name }),
                          confirmLabel: t('revoke'),
                        }}
                      >
                        {t('revoke')}
                      </ActionButton>
                    )}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </div>
  );
}
