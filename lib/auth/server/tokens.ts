import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { getStore } from '@/lib/db';
import type { ApiToken } from '@/lib/db/types';

import { generateApiToken, hashApiToken } from './api-token';

/** At most this many live tokens per person; revoke one to make another. */
export const MAX_TOKENS_PER_USER = 50;

export async function issueApiToken(input: {
  userId: string;
  name: string;
}): Promise<{ token: string; record: ApiToken }> {
  const store = await getStore();
  // Checked here so that every way of getting a token (POST /tokens, POST /auth/token) keeps it.
  const existing = await store.listApiTokens({ userId: input.userId });
  if (existing.length >= MAX_TOKENS_PER_USER) {
    throw new ApiError(
      'conflict',
      `You have ${MAX_TOKENS_PER_USER} tokens already. Revoke one you no longer use first.`,
    );
  }
  const token = generateApiToken();
  const record = await store.createApiToken({
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
