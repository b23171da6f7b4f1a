import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema/accounts';
import { createAccount } from '@/lib/accounts/sign-up';
import { signUpSchema } from '@/lib/accounts/validation';
import { loadViewer } from '@/lib/auth/viewer';
import { verifyOrganisation } from '@/lib/organisations/data';
import { MEMBERS, type MemberKey, memberDetails } from '../e2e/support/members-fixture';

// The members of e2e/support/members-fixture.ts (imported by scripts/seed-e2e.ts after the demo seed, with
// lib's server-only modules allowed): each signs up with a new organisation through the code the
// sign-up link ends in (createAccount: the account, its organisation, the 'account.sign_up' audit row),
// and those marked verified have their organisation verified by the demo admin (verifyOrganisation),
// as the programme office does from /organisations. Idempotent.

export async function seedMembers(db: Db): Promise<void> {
  const [admin] = await db
    .select({ id: users.id, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, 'admin@demo.test'));
  const adminViewer = admin && (await loadViewer(admin.id, admin.sessionVersion));
  if (!adminViewer) throw new Error('seed the demo first: the members are verified by admin@demo.test');
  for (const key of Object.keys(MEMBERS) as MemberKey[]) {
    const { email, name, organisation, password } = memberDetails(key);
    const [exists] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
    if (exists) continue;
    const input = signUpSchema.parse({
      email,
      name,
      password,
      locale: 'ja',
      organisationMode: 'new',
      organisation: {
        kind: MEMBERS[key].kind,
        nameJa: `${organisation} 株式会社`,
        nameEn: organisation,
        prefecture: 'Shizuoka',
      },
    });
    const { userId } = await createAccount(input, null);
    if (!MEMBERS[key].verified) continue;
    const [user] = await db.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, userId));
    await verifyOrganisation(adminViewer, user.organisationId, null);
  }
}
