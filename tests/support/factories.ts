import crypto from 'node:crypto';
import { getDb } from '@/db';
import { clusters, coordinatorClusters, organisationClusters, organisations, users } from '@/db/schema/accounts';
import type { Viewer } from '@/lib/auth/policy';
import { loadViewer } from '@/lib/auth/viewer';
import type { Locale, OrganisationKind, Role } from '@/db/vocabulary/accounts';

// Each test makes its own rows with unique names, so tests never depend on each other.
export const unique = (prefix = 'x') => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

// A fixed bcrypt hash of 'correct-horse-battery' (cost 4, to keep tests fast).
export const TEST_PASSWORD = 'correct-horse-battery';
const TEST_HASH = '$2b$04$TCdSKkIZfm3vXWFM/9gR5OLMyV72o24wHXNN.YHYRwurmYVa7hLja';

export async function makeCluster(overrides: Partial<typeof clusters.$inferInsert> = {}) {
  const db = await getDb();
  const slug = unique('cluster');
  const [row] = await db
    .insert(clusters)
    .values({
      slug,
      nameJa: `クラスター ${slug}`,
      nameEn: `Cluster ${slug}`,
      regionJa: '愛知',
      regionEn: 'Aichi',
      domains: ['manufacturing'],
      ...overrides,
    })
    .returning();
  return row;
}

export async function makeOrganisation(
  kind: OrganisationKind,
  options: { verified?: boolean; clusterIds?: string[] } = {},
) {
  const db = await getDb();
  const name = unique(kind);
  const [row] = await db
    .insert(organisations)
    .values({
      kind,
      nameJa: `組織 ${name}`,
      nameEn: `Org ${name}`,
      prefecture: 'Aichi',
      verified: options.verified ?? true,
    })
    .returning();
  for (const clusterId of options.clusterIds ?? []) {
    await db.insert(organisationClusters).values({ organisationId: row.id, clusterId });
  }
  return row;
}

export async function makeUser(
  role: Role,
  options: {
    organisationId?: string;
    orgKind?: OrganisationKind;
    verified?: boolean;
    clusterIds?: string[];
    coordinates?: string[];
    passwordHash?: string;
    locale?: Locale;
    timeZone?: string;
  } = {},
) {
  const db = await getDb();
  const organisationId =
    options.organisationId ??
    (
      await makeOrganisation(options.orgKind ?? defaultKind(role), {
        verified: options.verified,
        clusterIds: options.clusterIds,
      })
    ).id;
  const email = `${unique(role)}@test.example`;
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: `Test ${role}`,
      phone: `SENTINEL-PHONE-${unique()}`,
      passwordHash: options.passwordHash ?? TEST_HASH,
      role,
      organisationId,
      approved: true,
      locale: options.locale ?? 'en',
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    })
    .returning();
  for (const clusterId of options.coordinates ?? []) {
    await db.insert(coordinatorClusters).values({ userId: user.id, clusterId });
  }
  const viewer = (await loadViewer(user.id, user.sessionVersion)) as Viewer;
  return { user, viewer };
}

function defaultKind(role: Role): OrganisationKind {
  return (
    {
      sme: 'sme',
      researcher: 'university',
      trading: 'trading_firm',
      lender: 'financial_institution',
      coordinator: 'support_org',
      admin: 'support_org',
    } as const
  )[role];
}
