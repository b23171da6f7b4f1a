import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { consumeSignUpAttempt, SIGN_IN_LIMITS, SIGN_UP_LIMIT } from '@/lib/auth/rate-limit';
import { authenticate, SignInRefused } from '@/lib/auth/sign-in';
import { makeUser, TEST_PASSWORD, unique } from '../support/factories';

// Issue 12 item 3: limits a client cannot dodge by writing X-Forwarded-For, that count parallel
// guesses before checking them, and that a stranger cannot turn against the account's owner.

const LIMIT = SIGN_IN_LIMITS.perAccountAndAddress.points;
let n = 0;
const address = () => `192.0.2.${(n++ % 250) + 1}-${unique()}`; // a fresh socket address per use
const from = (socket: string, forwardedFor?: string) =>
  new Headers({
    'x-clustermatch-socket-address': socket,
    ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
  });

async function attempt(email: string, password: string, headers: Headers): Promise<string> {
  try {
    await authenticate({ email, password }, headers);
    return 'ok';
  } catch (error) {
    if (error instanceof SignInRefused) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  await getDb();
}, 180_000);

describe('sign-in limits', () => {
  it('rotating X-Forwarded-For does not give more guesses: the socket address counts', async () => {
    const { user } = await makeUser('sme');
    const socket = address();
    const results: string[] = [];
    for (let i = 0; i < 20; i++) results.push(await attempt(user.email, `wrong-${i}`, from(socket, `203.0.113.${i}`)));
    expect(results.filter((r) => r === 'invalid_credentials')).toHaveLength(LIMIT);
    expect(results.slice(LIMIT).every((r) => r === 'rate_limited')).toBe(true);
  });

  it(`30 parallel guesses at one account check at most ${LIMIT} passwords`, async () => {
    const { user } = await makeUser('sme');
    const socket = address();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(user.email, `guess-${i}`, from(socket))),
    );
    expect(results.filter((r) => r === 'invalid_credentials').length).toBeLessThanOrEqual(LIMIT);
    expect(results.filter((r) => r === 'rate_limited').length).toBeGreaterThanOrEqual(30 - LIMIT);
  });

  it('a stranger’s failures from many addresses do not lock the owner out of their own address', async () => {
    const { user } = await makeUser('sme');
    const home = address();
    expect(await attempt(user.email, TEST_PASSWORD, from(home))).toBe('ok');
    const stranger: string[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountFromNewAddresses.points + 10; i++) {
      stranger.push(await attempt(user.email, `guess-${i}`, from(address())));
    }
    // the per-account cap on new addresses stopped the stranger (the owner's first sign-in at home was one of them)...
    expect(stranger.filter((r) => r === 'invalid_credentials')).toHaveLength(
      SIGN_IN_LIMITS.perAccountFromNewAddresses.points - 1,
    );
    expect(await attempt(user.email, TEST_PASSWORD, from(address()))).toBe('rate_limited');
    // ...the owner, where they signed in before, is not behind it; nor after a few typos of their own
    expect(await attempt(user.email, 'typo', from(home))).toBe('invalid_credentials');
    expect(await attempt(user.email, TEST_PASSWORD, from(home))).toBe('ok');
  });

  it('an unknown e-mail answers exactly like a wrong password, limits included', async () => {
    const { user } = await makeUser('sme');
    const ghost = `${unique('ghost')}@test.example`;
    const socket = address();
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      known.push(await attempt(user.email, 'wrong', from(socket)));
      unknown.push(await attempt(ghost, 'wrong', from(socket)));
    }
    expect(unknown).toEqual(known);
  });

  it(`sign-up: ${SIGN_UP_LIMIT.points} per address, then refused; another address is not affected`, async () => {
    const socket = address();
    const waits: number[] = [];
    for (let i = 0; i < SIGN_UP_LIMIT.points + 2; i++) waits.push(await consumeSignUpAttempt(socket));
    expect(waits.slice(0, SIGN_UP_LIMIT.points).every((w) => w === 0)).toBe(true);
    expect(waits.slice(SIGN_UP_LIMIT.points).every((w) => w > 0)).toBe(true);
    expect(await consumeSignUpAttempt(address())).toBe(0);
  });
});
