import 'server-only';

import { isAssistant } from '@/lib/assistant/identity';
import type { Store } from '@/lib/db/store';
import type { User } from '@/lib/db/types';

import { emailSchema, nameSchema } from '../schemas';

export type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  name: string | null | undefined;
  /** Whether the provider vouches that this person controls the email. */
  emailVerified: boolean;
};

export type OAuthOutcome =
  { ok: true; user: User } | { ok: false; reason: 'no_email' | 'unverified_email_taken' };

/**
 * Finds or creates the Parley user behind an OAuth sign-in. An existing account with the same
 * email is linked only when the provider verified that email; otherwise anyone could claim an
 * account by registering its address with a provider.
 */
export async function resolveOAuthUser(
  store: Pick<
    Store,
    'createUser' | 'getUserByAccount' | 'getUserByEmail' | 'linkAccount' | 'updateUser'
  >,
  identity: OAuthIdentity,
): Promise<OAuthOutcome> {
  const linked = await store.getUserByAccount({
    provider: identity.provider,
    providerAccountId: identity.providerAccountId,
  });
  if (linked) return { ok: true, user: linked };

  const email = emailSchema.safeParse(identity.email);
  if (!email.success) return { ok: false, reason: 'no_email' };

  const existing = await store.getUserByEmail({ email: email.data });
  if (existing) {
    // Built-in people (the assistant) never get a way to sign in, whatever a provider claims.
    if (isAssistant(existing.id)) return { ok: false, reason: 'unverified_email_taken' };
    if (!identity.emailVerified) return { ok: false, reason: 'unverified_email_taken' };
    await store.linkAccount({
      userId: existing.id,
      provider: identity.provider,
      providerAccountId: identity.providerAccountId,
    });
    const user = existing.emailVerified
      ? existing
      : ((await store.updateUser({ id: existing.id, emailVerified: true })) ?? existing);
    return { ok: true, user };
  }

  const name = nameSchema.safeParse(identity.name);
  const user = await store.createUser({
    email: email.data,
    name: name.success ? name.data : email.data.split('@')[0] || 'New user',
    passwordHash: null,
    emailVerified: identity.emailVerified,
  });
  await store.linkAccount({
    userId: user.id,
    provider: identity.provider,
    providerAccountId: identity.providerAccountId,
  });
  return { ok: true, user };
}

/** GitHub's profile email may be unverified; its emails API says which ones are. */
export async function githubEmailVerified(
  accessToken: string | undefined,
  email: string | null | undefined,
): Promise<boolean> {
  if (!accessToken || !email) return false;
  try {
    const res = await fetch('https://api.github.com/user/emails', {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/vnd.github+json' },
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) return false;
    const emails = (await res.json()) as unknown;
    return (
      Array.isArray(emails) &&
      emails.some((e: unknown) => {
        const entry = e as { email?: unknown; verified?: unknown };
        return (
          typeof entry.email === 'string' &&
          entry.email.toLowerCase() === email.toLowerCase() &&
          entry.verified === true
        );
      })
    );
  } catch {
    return false;
  }
}
