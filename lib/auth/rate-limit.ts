import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { getDb } from '@/db';
import { rateLimits } from '@/db/schema/accounts';

/**
 * Sign-in and sign-up limits (README "Sign-in limits"), Postgres-backed so they hold across
 * instances. Every attempt is consumed by one atomic upsert BEFORE the password is checked, so
 * parallel guesses cannot slip past the count.
 *
 * - account + address: 5 attempts per 15 minutes. Guessing one account from one place is slow,
 *   and a stranger's failures use up only the stranger's own allowance.
 * - address: 30 attempts per 15 minutes over all accounts (one place trying many accounts).
 * - account, from addresses it has never signed in from (in 90 days): 20 attempts per hour, then
 *   each such address waits for the hour to end. Many places guessing one account are capped; the
 *   owner, on an address they used before, is never counted here, so no one can lock them out.
 * - sign-up: 5 per address per hour.
 */
export const SIGN_IN_LIMITS = {
  perAccountAndAddress: { points: 5, duration: 15 * 60 },
  perAddress: { points: 30, duration: 15 * 60 },
  perAccountFromNewAddresses: { points: 20, duration: 60 * 60 },
};
export const SIGN_UP_LIMIT = { points: 5, duration: 60 * 60 };

type Name = 'pair' | 'address' | 'account' | 'signup';
let limiters: Promise<Record<Name, RateLimiterDrizzle>> | undefined;

function getLimiters() {
  limiters ??= getDb().then((db) => {
    const make = (keyPrefix: string, limit: { points: number; duration: number }) =>
      new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        clearExpiredByTimeout: false,
        keyPrefix,
        ...limit,
      });
    return {
      pair: make('signin_pair', SIGN_IN_LIMITS.perAccountAndAddress),
      address: make('signin_address', SIGN_IN_LIMITS.perAddress),
      account: make('signin_account_new_address', SIGN_IN_LIMITS.perAccountFromNewAddresses),
      signup: make('signup_address', SIGN_UP_LIMIT),
    };
  });
  return limiters;
}

/** Consumes one point of each limiter in turn; seconds to wait when one refuses (the attempt is then refused), else 0. */
async function consume(parts: [RateLimiterDrizzle, string][]): Promise<number> {
  for (const [limiter, key] of parts) {
    try {
      await limiter.consume(key, 1);
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }
  return 0;
}

/**
 * One sign-in attempt, counted before the password is checked. `knownAddress`: the account
 * signed in from this address before (then the per-account cap does not apply).
 */
export async function consumeSignInAttempt(email: string, ip: string, knownAddress: boolean): Promise<number> {
  const l = await getLimiters();
  const account = email.toLowerCase();
  return consume([
    [l.pair, `${account}|${ip}`],
    [l.address, ip],
    ...(knownAddress ? [] : ([[l.account, account]] as [RateLimiterDrizzle, string][])),
  ]);
}

/** After a good password: the owner's allowance at this address starts again. */
export async function clearSignInAttempts(email: string, ip: string): Promise<void> {
  await (await getLimiters()).pair.delete(`${email.toLowerCase()}|${ip}`);
}

/** One sign-up from this address; seconds to wait when refused, else 0. */
export async function consumeSignUpAttempt(ip: string): Promise<number> {
  return consume([[(await getLimiters()).signup, ip]]);
}
