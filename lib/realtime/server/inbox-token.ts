import 'server-only';

import type { Store } from '@/lib/db/store';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { MAX_TOKEN_CONVERSATIONS, mintRoomToken } from '@/lib/realtime/room-token';

/** Presence is shared with people one has a conversation with: at most this many. */
const MAX_CONTACTS = 200;

/**
 * The conversations an inbox or conversation token also opens: the caller's most recently active
 * ones (every one a membership). A removal after minting is the room's to enforce, as for a
 * single-room token (lib/rooms/conversation.ts).
 */
export async function alsoConversations(
  store: Pick<Store, 'listConversations'>,
  userId: string,
  except?: string,
): Promise<string[]> {
  const mine = await store.listConversations({ userId });
  return mine
    .map(({ conversation }) => conversation.id)
    .filter((id) => id !== except)
    .slice(0, MAX_TOKEN_CONVERSATIONS - (except ? 1 : 0));
}

export const conversationRooms = (ids: string[]) =>
  ids.map((roomId) => ({ party: 'conversation' as const, roomId }));

export type InboxToken = { token: string; expiresAt: string; alsoOpens?: string[] };

/**
 * A token for the person's inbox room, naming their contacts (whose presence they may see) and
 * also opening their recent conversations. Minted by `POST /api/v1/realtime/token` and by the
 * app's layout, which hands the page its first one (#19: one function invocation less per page
 * load).
 */
export async function mintInboxToken(
  store: Pick<Store, 'listConversations' | 'listContacts'>,
  userId: string,
  key: string,
): Promise<InboxToken> {
  const [contacts, alsoOpens] = await Promise.all([
    store.listContacts({ userId, limit: MAX_CONTACTS }),
    alsoConversations(store, userId),
  ]);
  const { token, expiresAt } = await mintRoomToken({
    userId,
    party: 'main',
    roomId: userId,
    key,
    claims: { contacts },
    alsoOpens: conversationRooms(alsoOpens),
  });
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    ...(alsoOpens.length > 0 ? { alsoOpens } : {}),
  };
}

/**
 * The page's inbox token, or null when it cannot be minted (no ROOM_TOKEN_KEY, the store down):
 * the page still renders, and its connection asks `POST /api/v1/realtime/token` as before.
 */
export async function pageInboxToken(
  store: Pick<Store, 'listConversations' | 'listContacts'>,
  userId: string,
): Promise<InboxToken | null> {
  if (!env.ROOM_TOKEN_KEY) return null;
  try {
    return await mintInboxToken(store, userId, env.ROOM_TOKEN_KEY);
  } catch (err) {
    log.warn({ err }, 'page inbox token not minted');
    return null;
  }
}
