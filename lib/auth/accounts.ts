import 'server-only';

import { assertUnderRateLimit, enforceRateLimit } from '@/lib/api/rate-limit';
import { ApiError } from '@/lib/api/errors';
import { getRateLimiter } from '@/lib/cache/rate-limit';
import { getStore } from '@/lib/db';
import { isStoreConflict, type User } from '@/lib/db/types';
import { env } from '@/lib/env';

import { hashPassword, verifyPassword } from './password';
import type { SignInInput, SignUpInput } from './schemas';

/** Failed sign-ins allowed per account and per address before 429; a success clears the account's count. */
export const SIGN_IN_FAILURES_PER_ACCOUNT = { limit: 5, windowMs: 15 * 60_000 };
export const SIGN_IN_FAILURES_PER_IP = { limit: 30, windowMs: 15 * 60_000 };
/** SIGNUP_LIMIT_PER_HOUR, 20 by default. */
export const SIGN_UPS_PER_IP = { limit: env.SIGNUP_LIMIT_PER_HOUR, windowMs: 60 * 60_000 };

const INVALID_CREDENTIALS = 'Email or password is incorrect.';

export async function signUp(input: SignUpInput, ip: string): Promise<User> {
  await enforceRateLimit(`signup:ip:${ip}`, SIGN_UPS_PER_IP, 'sign-ups from this network');
  const store = await getStore();
  try {
    return await store.createUser({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
  } catch (error) {
    if (isStoreConflict(error)) {
      throw new ApiError(
        'conflict',
        'An account with this email already exists. Sign in instead.',
        {
          fields: { email: 'An account with this email already exists' },
        },
      );
    }
    throw error;
  }
}

/**
 * Checks an email and password. Unknown email and wrong password get the same message and take
 * the same time (a dummy hash is verified), so sign-in does not reveal who has an account.
 */
export async function verifyCredentials(input: SignInInput, ip: string): Promise<User> {
  const accountKey = `signin:account:${input.email}`;
  const ipKey = `signin:ip:${ip}`;
  await assertUnderRateLimit(ipKey, SIGN_IN_FAILURES_PER_IP, 'sign-in attempts from this network');
  await assertUnderRateLimit(
    accountKey,
    SIGN_IN_FAILURES_PER_ACCOUNT,
    'sign-in attempts for this account',
  );

  const store = await getStore();
  const user = await store.getUserByEmail({ email: input.email });
  const ok = await verifyPassword(
    user ? await store.getPasswordHash({ userId: user.id }) : null,
    input.password,
  );
  if (!user || !ok) {
    const limiter = getRateLimiter();
    await limiter.consume(accountKey, SIGN_IN_FAILURES_PER_ACCOUNT);
    await limiter.consume(ipKey, SIGN_IN_FAILURES_PER_IP);
    throw new ApiError('unauthorized', INVALID_CREDENTIALS);
  }
  await getRateLimiter().reset(accountKey);
  return user;
}
