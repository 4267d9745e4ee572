import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { requireMember } from '@/lib/chat/server/access';
import { withReplies } from '@/lib/chat/server/messages';
import type { Store } from '@/lib/db/store';
import type { Conversation, User } from '@/lib/db/types';

import { fold } from '../fold';
import { parseDay, parseQuery, type ParsedQuery } from '../query';
import type { SearchQueryInput } from '../schemas';
import { snippetOf } from '../snippet';
import type { SearchResultWire } from '../wire';

const DAY = 86_400_000;

/** How conversations are named to `viewerId`: a group by its name, a direct one by the other. */
async function namesOf(
  store: Store,
  conversations: Conversation[],
  viewerId: string,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const direct = conversations.filter((c) => c.kind === 'direct');
  for (const c of conversations) if (c.kind === 'group') names.set(c.id, c.name ?? 'Group');
  const others = await Promise.all(
    direct.map(async (c) => {
      const members = await store.listMemberships({ conversationId: c.id });
      return [c.id, members.find((m) => m.userId !== viewerId)?.userId] as const;
    }),
  );
  const ids = others.map(([, id]) => id).filter((id): id is string => !!id);
  const users = new Map((await store.getUsersByIds({ ids })).map((u) => [u.id, u.name]));
  for (const [conversationId, otherId] of others) {
    names.set(conversationId, (otherId && users.get(otherId)) || 'Just you');
  }
  return names;
}

/** in:#name → the caller's conversations whose name starts with it (folded). */
async function resolveIn(store: Store, user: User, wanted: string[]): Promise<string[]> {
  const rows = await store.listConversations({ userId: user.id });
  const names = await namesOf(
    store,
    rows.map((r) => r.conversation),
    user.id,
  );
  const prefixes = wanted.map(fold);
  return [...names]
    .filter(([, name]) => prefixes.some((p) => fold(name).startsWith(p)))
    .map(([id]) => id);
}

/**
 * from:@name → the people the caller shares a conversation with (and the caller), whose name
 * starts with it, folded: only their messages can be found anyway.
 */
async function resolveFrom(store: Store, user: User, names: string[]): Promise<string[]> {
  const contacts = await store.listContacts({ userId: user.id, limit: 1000 });
  const people = [user, ...(await store.getUsersByIds({ ids: contacts }))];
  const prefixes = names.map(fold);
  return people.filter((p) => prefixes.some((x) => fold(p.name).startsWith(x))).map((p) => p.id);
}

const intersect = (a: string[] | null, b: string[]): string[] =>
  a === null ? b : a.filter((id) => b.includes(id));

/** The query string and the separate parameters, as one query (both must hold). */
function combined(input: SearchQueryInput): ParsedQuery {
  const parsed = parseQuery(input.q);
  const filtersOnly = input.q.trim() === '' && (input.from || input.has || input.conversationId);
  if (!parsed.ok && !filtersOnly) {
    throw new ApiError('bad_request', parsed.error, { fields: { q: parsed.error } });
  }
  const query: ParsedQuery = parsed.ok
    ? parsed.query
    : { terms: [], from: [], in: [], has: [], before: null, after: null };
  if (input.has && !query.has.includes(input.has)) query.has.push(input.has);
  const before = input.before ? parseDay(input.before) : null;
  const after = input.after ? parseDay(input.after) : null;
  if (before !== null) query.before = Math.min(query.before ?? before, before);
  if (after !== null) query.after = Math.max(query.after ?? 0, after + DAY);
  if (query.before !== null && query.after !== null && query.after >= query.before) {
    throw new ApiError('bad_request', 'after must be at least a day before before.', {
      fields: { after: 'is not before before' },
    });
  }
  return query;
}

export async function searchMessages(
  store: Store,
  user: User,
  input: SearchQueryInput,
): Promise<{ results: SearchResultWire[]; nextCursor: string | null }> {
  const query = combined(input);
  let conversationIds: string[] | null = null;
  if (input.conversationId) {
    await requireMember(store, input.conversationId, user.id);
    conversationIds = [input.conversationId];
  }
  if (query.in.length)
    conversationIds = intersect(conversationIds, await resolveIn(store, user, query.in));
  let authorIds: string[] | null = input.from ? [input.from] : null;
  if (query.from.length)
    authorIds = intersect(authorIds, await resolveFrom(store, user, query.from));

  const page = await store.searchMessages({
    userId: user.id,
    terms: query.terms,
    conversationIds,
    authorIds,
    has: query.has,
    before: query.before,
    after: query.after,
    sort: input.sort,
    limit: input.limit,
    cursor: input.cursor ?? null,
  });
  const wires = await withReplies(store, page.messages);
  const conversations = (
    await Promise.all(
      [...new Set(page.messages.map((m) => m.conversationId))].map((id) =>
        store.getConversation({ id }),
      ),
    )
  ).filter((c): c is Conversation => c !== null);
  const names = await namesOf(store, conversations, user.id);
  const kinds = new Map(conversations.map((c) => [c.id, c.kind]));
  return {
    results: wires.map((message) => ({
      message,
      conversation: {
        id: message.conversationId,
        kind: kinds.get(message.conversationId) ?? 'group',
        name: names.get(message.conversationId) ?? 'Conversation',
      },
      snippet: snippetOf(message.body, query.terms),
    })),
    nextCursor: page.nextCursor,
  };
}
