import 'server-only';

import { ASSISTANT_ID, ASSISTANT_NAME } from '@/lib/assistant/identity';
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
  const page = await store.searchUsers({
    query: input.query,
    cursor: input.cursor,
    limit: input.limit,
    excludeId: input.callerId,
  });
  // "AI" (or "assistant") finds Parley AI, whose name starts with "Parley": first, on page one.
  if (input.cursor || !findsAssistant(input.query) || page.items.some((u) => u.id === ASSISTANT_ID))
    return page;
  const assistant = await store.getUserById({ id: ASSISTANT_ID });
  return assistant ? { ...page, items: [assistant, ...page.items].slice(0, input.limit) } : page;
}

/** A query naming the assistant by a word of its name other than the first, or by its role. */
export function findsAssistant(query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return false;
  const words = [...ASSISTANT_NAME.toLowerCase().split(/\s+/).slice(1), 'assistant'];
  return words.some((w) => w.startsWith(q));
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
