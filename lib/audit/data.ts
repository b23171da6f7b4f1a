import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLogs, users } from '@/db/schema/accounts';
import { containsPattern, paged, paging } from '@/lib/lists/query';
import type { AuditFilters } from './validation';

// Authorisation (admin.audit) is checked by the page guard. Read only: the log is append-only.

/** Start of a calendar day in Japan (the programme's time zone); null for an impossible date. */
function startOfDayJst(day: string, plusDays = 0): Date | null {
  const date = new Date(`${day}T00:00:00+09:00`);
  if (Number.isNaN(date.getTime())) return null;
  return new Date(date.getTime() + plusDays * 86_400_000);
}

function filtersWhere(f: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.actor) conditions.push(ilike(users.email, containsPattern(f.actor)));
  if (f.action) conditions.push(eq(auditLogs.action, f.action));
  if (f.subject) conditions.push(eq(auditLogs.subjectType, f.subject));
  const from = f.from ? startOfDayJst(f.from) : null;
  const to = f.to ? startOfDayJst(f.to, 1) : null; // the "to" day is included
  if (from) conditions.push(gte(auditLogs.createdAt, from));
  if (to) conditions.push(lt(auditLogs.createdAt, to));
  return conditions.length ? and(...conditions) : undefined;
}

export async function listAuditLog(filters: AuditFilters) {
  const db = await getDb();
  const where = filtersWhere(filters);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: auditLogs.id,
        createdAt: auditLogs.createdAt,
        actorEmail: users.email,
        action: auditLogs.action,
        subjectType: auditLogs.subjectType,
        subjectId: auditLogs.subjectId,
        details: auditLogs.details,
        ip: auditLogs.ip,
      })
      .from(auditLogs)
      .leftJoin(users, eq(users.id, auditLogs.actorId))
      .where(where)
      .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
      .limit(paging(filters.page).limit)
      .offset(paging(filters.page).offset),
    db.select({ total: count() }).from(auditLogs).leftJoin(users, eq(users.id, auditLogs.actorId)).where(where),
  ]);
  return paged(rows, total, filters.page);
}

/** The actions and subject types that occur, for the filter menus. */
export async function auditFilterChoices() {
  const db = await getDb();
  const [actions, subjects] = await Promise.all([
    db.selectDistinct({ value: auditLogs.action }).from(auditLogs).orderBy(asc(auditLogs.action)),
    db.selectDistinct({ value: auditLogs.subjectType }).from(auditLogs).orderBy(asc(auditLogs.subjectType)),
  ]);
  return { actions: actions.map((a) => a.value), subjectTypes: subjects.map((s) => s.value) };
}
