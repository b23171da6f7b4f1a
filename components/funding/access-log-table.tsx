import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { ACCESS_LOG_PAGE_SIZE, type getAccessLog } from '@/lib/funding/access-log';

type Log = NonNullable<Awaited<ReturnType<typeof getAccessLog>>>;

/** Who outside the company viewed the proposal or downloaded which document, and when. */
export async function AccessLogTable({ log }: { log: Log }) {
  const [t, format, locale] = await Promise.all([getTranslations('funding'), getFormatter(), getLocale()]);
  return (
    <section aria-labelledby="access-log-heading" className="flex flex-col gap-3">
      <h2 id="access-log-heading" className="text-lg font-semibold">
        {t('accessLog.title')}
      </h2>
      <p className="text-sm text-slate-700">{t('accessLog.hint')}</p>
      {log.rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t('accessLog.none')}</p>
      ) : (
        <Table caption={t('accessLog.title')} captionHidden>
          <THead>
            <Tr>
              <Th>{t('accessLog.when')}</Th>
              <Th>{t('accessLog.who')}</Th>
              <Th>{t('accessLog.organisation')}</Th>
              <Th>{t('accessLog.what')}</Th>
            </Tr>
          </THead>
          <TBody>
            {log.rows.map((r) => (
              <Tr key={r.id}>
                <Td>{format.dateTime(r.createdAt, 'long')}</Td>
                <Td>{r.userName}</Td>
                <Td>{locale === 'en' ? r.organisationNameEn : r.organisationNameJa}</Td>
                <Td>
                  {t(`accessActions.${r.action}`)}
                  {r.fileName && `: ${r.fileName}`}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {log.hasMore && <p className="text-sm text-slate-700">{t('accessLog.more', { n: ACCESS_LOG_PAGE_SIZE })}</p>}
    </section>
  );
}
