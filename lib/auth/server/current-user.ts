import 'server-only';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';

import type { User } from '@/lib/db/types';

import { authenticate } from './authenticate';

/**
 * The signed-in person for a server component, or null. Cached per request, so a layout and its
 * page decrypt the cookie and read the store once between them.
 */
export const getCurrentUser = cache(async (): Promise<User | null> =>
  authenticate(await headers()),
);

/** The signed-in person, or a redirect to sign-in that comes back to `path` afterwards. */
export async function requireUser(path: string): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}
