import 'server-only';

import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';

import { ApiError } from '@/lib/api/errors';
import { getStore } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { safeRedirect } from '@/lib/routes';

import { githubEmailVerified, resolveOAuthUser } from './oauth';
import { signInSchema } from '../schemas';
import { SESSION_MAX_AGE } from './session';
import { revokeSession } from './sessions';
import { completeTwoFactorSignIn, signInWithPassword } from './sign-in';

/** OAuth providers appear exactly when both halves of their credentials are configured. */
export function configuredProviders(): { id: 'github' | 'google'; name: string }[] {
  return [
    ...(env.GITHUB_ID && env.GITHUB_SECRET ? [{ id: 'github' as const, name: 'GitHub' }] : []),
    ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
      ? [{ id: 'google' as const, name: 'Google' }]
      : []),
  ];
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    // The sign-in page posts to /api/v1/auth/signin for precise errors and 429s; this provider
    // keeps NextAuth's own signIn('credentials') working with the same checks.
    CredentialsProvider({
      name: 'Email',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        code: { label: 'Two-factor code', type: 'text' },
      },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const headers = new Headers(req.headers as Record<string, string>);
          const outcome = await signInWithPassword(parsed.data, headers);
          // Two-factor on: the code must come in the same request (no session without it).
          const code = typeof credentials?.code === 'string' ? credentials.code : '';
          const user =
            outcome.kind === 'signed-in'
              ? outcome.user
              : code
                ? await completeTwoFactorSignIn({ challenge: outcome.challenge, code })
                : null;
          if (!user) return null;
          return { id: user.id, name: user.name, email: user.email };
        } catch (error) {
          if (error instanceof ApiError && error.code === 'rate_limited')
            throw new Error(error.message);
          return null;
        }
      },
    }),
    ...(env.GITHUB_ID && env.GITHUB_SECRET
      ? [GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET })]
      : []),
    ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
      ? [GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET })]
      : []),
  ],
  callbacks: {
    // Only same-origin paths: NextAuth's default accepts any value starting with "/", which a
    // browser may read as another host ("/\t/evil.test"), and raw newlines made its cookie 500.
    redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
    async signIn({ account, profile, user }) {
      if (account?.type !== 'oauth') return true;
      const emailVerified =
        account.provider === 'google'
          ? (profile as { email_verified?: boolean } | undefined)?.email_verified === true
          : await githubEmailVerified(account.access_token, user.email);
      const outcome = await resolveOAuthUser(await getStore(), {
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: user.email,
        name: user.name,
        emailVerified,
      });
      if (!outcome.ok) {
        log.info({ provider: account.provider, reason: outcome.reason }, 'oauth sign-in refused');
        return `/sign-in?error=${outcome.reason === 'no_email' ? 'OAuthNoEmail' : 'OAuthAccountNotLinked'}`;
      }
      return true;
    },
    // The token's subject is always the Parley user id, with the session version for sign-out-everywhere.
    async jwt({ token, user, account }) {
      if (!user) return token;
      const store = await getStore();
      const found =
        account?.type === 'oauth'
          ? await store.getUserByAccount({
              provider: account.provider,
              providerAccountId: account.providerAccountId,
            })
          : await store.getUserById({ id: user.id });
      if (found) {
        const session = await store.createSession({
          userId: found.id,
          userAgent: await requestUserAgent(),
        });
        token.sub = found.id;
        token.sv = found.sessionVersion;
        token.sid = session.id;
        token.name = found.name;
        token.email = found.email;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub } };
    },
  },
  events: {
    // NextAuth's sign-out clears the cookie; deleting the record makes a copy of it useless too.
    async signOut({ token }) {
      if (typeof token?.sub === 'string' && typeof token.sid === 'string')
        await revokeSession(token.sub, token.sid);
    },
  },
};

/** The browser behind NextAuth's callback (its callbacks get no request). */
async function requestUserAgent(): Promise<string | null> {
  try {
    const { headers } = await import('next/headers');
    return (await headers()).get('user-agent')?.slice(0, 512) ?? null;
  } catch {
    return null;
  }
}
