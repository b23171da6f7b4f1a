import 'server-only';
import type { Db } from '@/db';
import { loadContact } from '@/lib/accounts/contact';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import type { ListingKind } from '@/db/vocabulary/listings';
import { type Access, type Field, protectedRevealed, type Relation } from './disclosure-rules';
import {
  type IpRow,
  type NeedRow,
  type NeedView,
  needDecision,
  needView,
  type SeedRow,
  type SeedView,
  seedDecision,
  seedView,
} from './listing-views';
import { relationOf } from './relation';

// The I/O half of disclosure (the rules are in disclosure-rules.ts): a detail view loads the contact
// only when the rules show it, and writes each reveal of protected fields to the audit log
// (action `listing.disclose`).

async function logReveal(
  db: Db,
  viewer: Viewer,
  kind: ListingKind,
  id: string,
  access: Access,
  relation: Relation,
  fields: Field[],
  ip: string | null,
) {
  if (access === 'owner' || !fields.length) return;
  await writeAudit(db, {
    actorId: viewer.userId,
    action: 'listing.disclose',
    subjectType: kind,
    subjectId: id,
    details: { fields, access, relation },
    ip,
  });
}

/** Detail view of a need: contact loaded only when allowed; protected reveals logged. */
export async function presentNeed(
  db: Db,
  viewer: Viewer | null,
  row: NeedRow,
  ip: string | null = null,
): Promise<NeedView> {
  const relation = await relationOf(viewer, { kind: 'need', id: row.id });
  const { access, levels, shown } = needDecision(viewer, row, relation);
  const contact = shown.has('contacts') ? await loadContact(db, row.contactUserId) : null;
  if (!contact) shown.delete('contacts');
  if (viewer) await logReveal(db, viewer, 'need', row.id, access, relation, protectedRevealed(shown, levels), ip);
  return needView(row, access, shown, levels, contact);
}

export async function presentSeed(
  db: Db,
  viewer: Viewer | null,
  row: SeedRow,
  ips: IpRow[],
  ip: string | null = null,
): Promise<SeedView> {
  const relation = await relationOf(viewer, { kind: 'seed', id: row.id });
  const { access, levels, shown, unpublishedIp } = seedDecision(viewer, row, ips, relation);
  const contact = shown.has('contacts') ? await loadContact(db, row.contactUserId) : null;
  if (!contact) shown.delete('contacts');
  if (!ips.some((r) => r.number)) shown.delete('patentNumbers');
  if (viewer) await logReveal(db, viewer, 'seed', row.id, access, relation, protectedRevealed(shown, levels), ip);
  return seedView(row, ips, access, shown, levels, contact, unpublishedIp);
}
