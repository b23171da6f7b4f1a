import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ListPage } from '@/components/lists/list-page';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Td, Tr } from '@/components/ui/table';
import { TextField } from '@/components/ui/text-field';
import { auditFilterChoices, listAuditLog } from '@/lib/audit/data';
import { auditFiltersSchema } from '@/lib/audit/validation';
import { firstValues } from '@/lib/lists/params';
import { requirePermission } from '@/lib/auth/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.audit'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export default async function AdminAuditPage({ searchParams }: Props) {
  await requirePermission('admin.audit');
  const filters = auditFiltersSchema.parse(firstValues(await searchParams));
  const [result, choices, t, tr, format] = await Promise.all([
    listAuditLog(filters),
    auditFilterChoices(),
    getTranslations('admin.audit'),
    getTranslations(),
    getFormatter(),
  ]);
  // codes are open-ended (a new action shows its code until it is given a label)
  const actionLabel = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  const subjectLabel = (type: string) => (t.has(`subjectTypes.${type}`) ? t(`subjectTypes.${type}`) : type);
  return (
    <ListPage
      messages="admin.audit"
      path="/audit"
      filterFields={
        <>
          <FormField label={t('actor')} hint={t('actorHint')}>
            <TextField name="actor" type="search" defaultValue={filters.actor} maxLength={254} />
          </FormField>
          <FormField label={t('action')}>
            <Select name="action" defaultValue={filters.action}>
              <option value="">{tr('common.all')}</option>
              {choices.actions.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)} ({a})
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t('subjectType')}>
            <Select name="subject" defaultValue={filters.subject}>
              <option value="">{tr('common.all')}</option>
              {choices.subjectTypes.map((s) => (
                <option key={s} value={s}>
                  {subjectLabel(s)}
                </option>
              ))}
            </Select>
          </FormField>
          <div className="grid grid-cols-2 gap-3">
            <FormField label={t('from')}>
              <TextField name="from" type="date" defaultValue={filters.from ?? ''} />
            </FormField>
            <FormField label={t('to')}>
              <TextField name="to" type="date" defaultValue={filters.to ?? ''} />
            </FormField>
          </div>
        </>
      }
      filters={{
        actor: filters.actor,
        action: filters.action,
        subject: filters.subject,
        from: filters.from,
        to: filters.to,
      }}
      columns={[t('time'), t('actor'), t('action'), t('subject'), t('details'), t('ip')]}
      result={result}
      row={(row) => {
        const details = Object.entries(row.details ?? {});
        return (
          <Tr key={row.id}>
            <Td className="whitespace-nowrap">
              <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, 'long')}</time>
            </Td>
            <Td className="break-words">{row.actorEmail ?? t('system')}</Td>
            <Td className="min-w-36">
              {actionLabel(row.action)}
              <span className="block font-mono text-xs text-slate-700">{row.action}</span>
            </Td>
            <Td className="min-w-40">
              <span className="font-medium">{subjectLabel(row.subjectType)}</span>
              {row.subjectId && (
                <span className="block font-mono text-xs break-all text-slate-700">{row.subjectId}</span>
              )}
            </Td>
            <Td className="min-w-56">
              {details.length === 0 ? (
                '—'
              ) : (
                <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
                  {details.map(([key, value]) => (
                    <div key={key} className="contents">
                      <dt className="font-medium text-slate-700">{key}</dt>
                      <dd className="break-all">{show(value)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </Td>
            <Td className="font-mono text-xs">{row.ip ?? '—'}</Td>
          </Tr>
        );
      }}
    />
  );
}
