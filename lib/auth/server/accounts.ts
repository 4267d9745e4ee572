import 'server-only';

import { enforceRateLimit } from '@/lib/api/rate-limit';
import { ApiError } from '@/lib/api/errors';
import { getStore } from '@/lib/db';
import { isStoreConflict, type User } from '@/lib/db/types';
import { env } from '@/lib/env';

import type { Device } from './device';
import { hashPassword, verifyPassword } from './password';
import { reserve, signInSlots } from './sign-in-limits';
import type { SignInInput, SignUpInput } from '../schemas';

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
 * the same time (a dummy hash is verified), so sign-in does not reveal who has an account. The
 * attempt is counted before the password is checked (lib/auth/server/sign-in-limits.ts), so parallel
 * guesses cannot outrun the limit; a right password gives its slots back.
 */
export async function verifyCredentials(
  input: SignInInput,
  caller: { ip: string; device: Device | null },
): Promise<User> {
  const store = await getStore();
  const user = await store.getUserByEmail({ email: input.email });
  const deviceId = user && caller.device?.userId === user.id ? caller.device.deviceId : null;
  const reservation = await reserve(signInSlots({ email: input.email, ip: caller.ip, deviceId }));
  const ok = await verifyPassword(
    user ? await store.getPasswordHash({ userId: user.id }) : null,
    input.password,
  );
  if (!user || !ok) throw new ApiError('unauthorized', INVALID_CREDENTIALS);
  await reservation.release();
  return user;
}
