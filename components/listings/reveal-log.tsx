import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { listRevealsForOwner } from '@/lib/listings/reveals';

type Log = NonNullable<Awaited<ReturnType<typeof listRevealsForOwner>>>;

/** "Who saw our data" of one listing: who (as far as the owner may know), what, when, where. */
export async function RevealLog({ log }: { log: Log }) {
  const [t, tr, format, locale] = await Promise.all([
    getTranslations('reveals'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const path = `/${log.listing.kind === 'need' ? 'needs' : 'seeds'}/${log.listing.id}`;
  return (
    <div className="flex flex-col gap-4">
      <Link href={path} className="text-sm text-teal-800 underline">
        {t('back')}
      </Link>
      <h1 className="text-2xl font-semibold">{t('title', { listing: log.listing.title })}</h1>
      <p className="text-slate-700">{t('intro')}</p>
      {log.reveals.length === 0 ? (
        <EmptyState title={t('emptyTitle')} text={t('emptyText')} />
      ) : (
        <Table caption={t('caption')} captionHidden>
          <THead>
            <Tr>
              <Th>{t('when')}</Th>
              <Th>{t('who')}</Th>
              <Th>{t('what')}</Th>
              <Th>{t('where')}</Th>
            </Tr>
          </THead>
          <TBody>
            {log.reveals.map((r) => (
              <Tr key={r.id}>
                <Td>{format.dateTime(r.at, 'long')}</Td>
                <Td>
                  {r.who.show === 'kind' ? (
                    t('aMember', { kind: tr(`orgKinds.${r.who.kind}`) })
                  ) : (
                    <>
                      {locale === 'en' ? r.who.organisationEn : r.who.organisationJa}
                      {r.who.show === 'person' && <> · {r.who.person ?? t('formerMember')}</>}
                    </>
                  )}
                </Td>
                <Td>{format.list(r.fields.map((f) => t(`fields.${f}`)))}</Td>
                <Td>{t(`via.${r.via}`)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {log.reveals.length >= 200 && <p className="text-sm text-slate-700">{t('truncated', { count: 200 })}</p>}
    </div>
  );
}
