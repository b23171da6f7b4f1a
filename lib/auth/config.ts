import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { clearFailedSignIns, recordFailedSignIn, signInBlockedFor } from './rate-limit';
import { burnPasswordCheck, verifyPassword } from './password';
import { ipFrom } from './request-ip';
import { authSecret } from './secret';
import { signInSchema } from '@/lib/accounts/validation';
import { findUserForSignIn, recordSignIn } from '@/lib/accounts/data';

/** Thrown from authorize(); `code` reaches the sign-in action (never the reason for a wrong e-mail vs password). */
export class SignInFailed extends CredentialsSignin {
  constructor(code: 'invalid_credentials' | 'rate_limited' | 'disabled') {
    super();
    this.code = code;
  }
}

declare module 'next-auth' {
  interface Session {
    sessionVersion?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  logger: {
    error(error) {
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new SignInFailed('invalid_credentials');
        const { email, password } = parsed.data;
        const ip = ipFrom(request.headers);
        if ((await signInBlockedFor(email, ip)) > 0) throw new SignInFailed('rate_limited');

        const user = await findUserForSignIn(email);
        const ok = user ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
        if (!user || !ok) {
          await recordFailedSignIn(email, ip);
          throw new SignInFailed('invalid_credentials');
        }
        if (user.disabled) throw new SignInFailed('disabled');
        await clearFailedSignIns(email);
        await recordSignIn(user.id, ip === 'unknown' ? null : ip);
        return { id: user.id, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === 'number' ? token.sv : undefined;
      return session;
    },
  },
}));
