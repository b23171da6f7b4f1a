import { listParams } from '@/lib/lists/params';
import { z } from '@/lib/validation/messages';

/** ?actor=&action=&subject=&from=&to=&page= of the audit log. */
export const auditFiltersSchema = z.object({
  actor: z.string().trim().max(254).catch(''),
  action: z.string().trim().max(100).catch(''),
  subject: z.string().trim().max(50).catch(''),
  from: listParams.day,
  to: listParams.day,
  page: listParams.page,
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;
