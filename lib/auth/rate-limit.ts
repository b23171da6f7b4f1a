import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { getDb } from '@/db';
import { rateLimits } from '@/db/schema/accounts';

// Failed sign-ins: 5 per account per 15 minutes, 20 per IP per 15 minutes (Postgres-backed,
// so the limits hold across instances).
export const SIGN_IN_LIMITS = { perAccount: 5, perIp: 20, windowSeconds: 15 * 60 };

type Limiters = { account: RateLimiterDrizzle; ip: RateLimiterDrizzle };
let limiters: Promise<Limiters> | undefined;

function getLimiters(): Promise<Limiters> {
  limiters ??= getDb().then((db) => {
    const common = {
      storeClient: db,
      schema: rateLimits,
      duration: SIGN_IN_LIMITS.windowSeconds,
      clearExpiredByTimeout: false,
    };
    return {
      account: new RateLimiterDrizzle({ ...common, keyPrefix: 'signin_account', points: SIGN_IN_LIMITS.perAccount }),
      ip: new RateLimiterDrizzle({ ...common, keyPrefix: 'signin_ip', points: SIGN_IN_LIMITS.perIp }),
    };
  });
  return limiters;
}

/** Seconds until another attempt is allowed, or 0 when not blocked. */
export async function signInBlockedFor(email: string, ip: string): Promise<number> {
  const { account, ip: byIp } = await getLimiters();
  const [a, i] = await Promise.all([account.get(email.toLowerCase()), byIp.get(ip)]);
  const blocked = [
    a && a.consumedPoints >= SIGN_IN_LIMITS.perAccount ? a.msBeforeNext : 0,
    i && i.consumedPoints >= SIGN_IN_LIMITS.perIp ? i.msBeforeNext : 0,
  ];
  return Math.ceil(Math.max(...blocked) / 1000);
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = await getLimiters();
  await Promise.all([
    account.penalty(email.toLowerCase(), 1).catch(ignoreLimit),
    byIp.penalty(ip, 1).catch(ignoreLimit),
  ]);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  const { account } = await getLimiters();
  await account.delete(email.toLowerCase());
}

function ignoreLimit(error: unknown) {
  if (!(error instanceof RateLimiterRes)) throw error;
}
