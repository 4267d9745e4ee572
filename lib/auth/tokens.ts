import 'server-only';

import { getStore } from '@/lib/db';
import type { ApiToken } from '@/lib/db/types';

import { generateApiToken, hashApiToken } from './api-token';

/** At most this many live tokens per person; revoke one to make another. */
export const MAX_TOKENS_PER_USER = 50;

export async function issueApiToken(input: {
  userId: string;
  name: string;
}): Promise<{ token: string; record: ApiToken }> {
  const token = generateApiToken();
  const record = await (
    await getStore()
  ).createApiToken({
    userId: input.userId,
    name: input.name,
    tokenHash: await hashApiToken(token),
  });
  return { token, record };
}

export function presentToken(t: ApiToken) {
  return {
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}
