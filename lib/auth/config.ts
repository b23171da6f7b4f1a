import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authenticate, type SignInRefusal, SignInRefused } from './sign-in';
import { authSecret } from './secret';
import { log } from '@/lib/log/logger';

/** Thrown from authorize(); `code` reaches the sign-in action (never the reason for a wrong e-mail vs password). */
export class SignInFailed extends CredentialsSignin {
  constructor(code: SignInRefusal) {
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
      log().error({ err: error }, 'auth error');
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        try {
          return await authenticate(raw, request.headers);
        } catch (error) {
          throw error instanceof SignInRefused ? new SignInFailed(error.code) : error;
        }
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
