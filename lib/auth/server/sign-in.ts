import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { clientIp } from '@/lib/api/rate-limit';
import { getStore } from '@/lib/db';
import type { User } from '@/lib/db/types';

import { verifyCredentials } from './accounts';
import { readDevice } from './device';
import type { SignInInput } from '../schemas';
import { issueChallenge, readChallenge } from '../two-factor/challenge';
import { checkSecondFactor, requiresSecondFactor } from '../two-factor/service';

/**
 * Password sign-in in one or two steps. With two-factor on, a right password answers a
 * challenge instead of a session; the session comes only from completeTwoFactorSignIn with a
 * right code. Both steps are limited (lib/auth/server/sign-in-limits.ts).
 */
export type PasswordOutcome =
  { kind: 'signed-in'; user: User } | { kind: 'two-factor'; challenge: string };

export async function signInWithPassword(
  input: SignInInput,
  headers: Headers,
): Promise<PasswordOutcome> {
  const user = await verifyCredentials(input, {
    ip: clientIp(headers),
    device: readDevice(headers),
  });
  if (await requiresSecondFactor(user.id))
    return { kind: 'two-factor', challenge: await issueChallenge(user.id) };
  return { kind: 'signed-in', user };
}

export async function completeTwoFactorSignIn(input: {
  challenge: string;
  code: string;
}): Promise<User> {
  const userId = await readChallenge(input.challenge);
  const user = userId ? await (await getStore()).getUserById({ id: userId }) : null;
  if (!user)
    throw new ApiError(
      'unauthorized',
      'This sign-in has expired. Enter your email and password again.',
    );
  await checkSecondFactor(user.id, input.code);
  return user;
}

/**
 * For API tokens: the password, and the code when two-factor is on (in the same request, as
 * scripts cannot do a second step).
 */
export async function verifyPasswordAndCode(
  input: SignInInput & { code?: string },
  headers: Headers,
): Promise<User> {
  const outcome = await signInWithPassword(input, headers);
  if (outcome.kind === 'signed-in') return outcome.user;
  if (!input.code)
    throw new ApiError('unauthorized', 'Two-factor sign-in is on: send "code" as well.', {
      fields: { code: 'Enter the code from your authenticator app' },
    });
  return completeTwoFactorSignIn({ challenge: outcome.challenge, code: input.code });
}
