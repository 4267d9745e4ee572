import 'server-only';

import { emailSchema } from '@/lib/auth/schemas';
import { getStore } from '@/lib/app-store';
import type { Page, User } from '@/lib/db/types';

/**
 * The directory. People are found by the start of their name. An email finds a person only
 * when typed in full, and only if they allow it ("Let people find me by email", off by default)
 * or already share a conversation with the caller: otherwise anyone signed in could learn who
 * has an account, and their id, from an address list.
 */
export async function searchPeople(input: {
  callerId: string;
  query: string;
  cursor?: string | null;
  limit: number;
}): Promise<Page<User>> {
  const store = await getStore();
  const email = emailSchema.safeParse(input.query);
  if (email.success && input.query.includes('@')) {
    const person = await store.getUserByEmail({ email: email.data });
    const visible =
      !!person &&
      person.id !== input.callerId &&
      ((await store.getFindableByEmail({ userId: person.id })) ||
        (await store.shareConversation({ userIds: [input.callerId, person.id] })));
    return { items: visible ? [person] : [], nextCursor: null };
  }
  return store.searchUsers({
    query: input.query,
    cursor: input.cursor,
    limit: input.limit,
    excludeId: input.callerId,
  });
}

export async function getPrivacy(userId: string): Promise<{ findableByEmail: boolean }> {
  return { findableByEmail: await (await getStore()).getFindableByEmail({ userId }) };
}

export async function setPrivacy(
  userId: string,
  input: { findableByEmail: boolean },
): Promise<{ findableByEmail: boolean }> {
  await (await getStore()).setFindableByEmail({ userId, findable: input.findableByEmail });
  return getPrivacy(userId);
}
