import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema/accounts';
import { apiTokens } from '@/db/schema/integrations';
import { writeAudit } from '@/lib/audit/write';
import type { Viewer } from '@/lib/auth/policy';
import { loadViewer } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import type { CreateTokenInput } from './token-validation';
import { setRequestUser } from '@/lib/log/logger';

export const TOKEN_PREFIX = 'cm_';
/** At most this many live tokens per user. */
export const MAX_TOKENS_PER_USER = 20;
/** sha256 of the whole token; only this is stored. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new secret: `cm_` + 32 random bytes (base64url). `prefix` identifies it in lists. */
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

/** Creates a token for the viewer; the secret is returned once and never again. */
export async function createApiToken(db: Db, viewer: Viewer, input: CreateTokenInput, ip: string | null = null) {
  return db.transaction(async (tx) => {
    const [{ count }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.userId, viewer.userId),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        ),
      );
    if (count >= MAX_TOKENS_PER_USER) throw new AppError('conflict', 'api.tokens.too_many');
    const { token, hash, prefix } = generateToken();
    const expiresAt =
      input.expiresInDays === 'never' ? null : new Date(Date.now() + Number(input.expiresInDays) * 86_400_000);
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: viewer.userId, name: input.name, tokenHash: hash, prefix, expiresAt })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, expiresAt: apiTokens.expiresAt });
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'api_token.create',
      subjectType: 'api_token',
      subjectId: row.id,
      details: { name: input.name, prefix },
      ip,
    });
    return { ...row, token };
  });
}

export async function listApiTokens(db: Db, viewer: Viewer) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, viewer.userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the viewer's own tokens; someone else's id is "not found". */
export async function revokeApiToken(db: Db, viewer: Viewer, id: string, ip: string | null = null): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, viewer.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (updated.length === 0) throw new AppError('not_found');
    await writeAudit(tx, {
      actorId: viewer.userId,
      action: 'api_token.revoke',
      subjectType: 'api_token',
      subjectId: id,
      ip,
    });
  });
}

/**
 * The viewer behind a bearer token, with the same checks as a session (lib/auth/viewer.ts):
 * null for an unknown, revoked or expired token and for a disabled user.
 */
export async function viewerForToken(db: Db, token: string): Promise<{ viewer: Viewer; tokenId: string } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      sessionVersion: users.sessionVersion,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    );
  if (!row) return null;
  const viewer = await loadViewer(row.userId, row.sessionVersion);
  if (!viewer) return null;
  setRequestUser(viewer.userId);
  // last use, at most once a minute per token (no write per request)
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiTokens.id, row.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
  return { viewer, tokenId: row.id };
}
