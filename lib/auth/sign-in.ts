import { findUserForSignIn, recordSignIn, signedInFrom } from '@/lib/accounts/data';
import { signInSchema } from '@/lib/accounts/validation';
import { burnPasswordCheck, verifyPassword } from './password';
import { clearSignInAttempts, consumeSignInAttempt } from './rate-limit';
import { ipFrom, recordedIp } from './request-ip';

export type SignInRefusal = 'invalid_credentials' | 'rate_limited' | 'disabled';

/** Why a sign-in was refused (never whether the e-mail exists); lib/auth/config turns it into Auth.js's error. */
export class SignInRefused extends Error {
  constructor(readonly code: SignInRefusal) {
    super(code);
    this.name = 'SignInRefused';
  }
}

/**
 * Credentials check behind Auth.js's authorize(): the attempt is counted first (atomically),
 * then the password checked; an unknown e-mail costs the same hash check and answers the same
 * as a wrong password.
 */
export async function authenticate(raw: unknown, headers: Headers) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new SignInRefused('invalid_credentials');
  const { email, password } = parsed.data;
  const ip = ipFrom(headers);
  const user = await findUserForSignIn(email);
  const known = user && ip !== 'unknown' ? await signedInFrom(user.id, ip) : false;
  if ((await consumeSignInAttempt(email, ip, known)) > 0) throw new SignInRefused('rate_limited');

  const ok = user ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!user || !ok) throw new SignInRefused('invalid_credentials');
  if (user.disabled) throw new SignInRefused('disabled');
  await clearSignInAttempts(email, ip);
  await recordSignIn(user.id, recordedIp(headers));
  return { id: user.id, sessionVersion: user.sessionVersion };
}
