import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { requireCallAccess, requireLiveCall } from '@/lib/calls/server/access';
import { requireMember } from '@/lib/chat/server/access';
import { getStore } from '@/lib/db';
import { env, requireSecret } from '@/lib/env';
import type { Store } from '@/lib/db/store';
import { MAX_TOKEN_CONVERSATIONS, mintRoomToken } from '@/lib/realtime/room-token';
import { createRoomTokenEndpoint } from '@/lib/realtime/endpoints';

export const runtime = 'nodejs';

/** Presence is shared with people one has a conversation with: at most this many. */
const MAX_CONTACTS = 200;

/**
 * The conversations an inbox or conversation token also opens: the caller's most recently active
 * ones (every one a membership). A removal after minting is the room's to enforce, as for a
 * single-room token (lib/rooms/conversation.ts).
 */
async function alsoConversations(
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

const conversationRooms = (ids: string[]) =>
  ids.map((roomId) => ({ party: 'conversation' as const, roomId }));

export const POST = handle(createRoomTokenEndpoint, async ({ user, body }) => {
  const store = await getStore();
  const key = requireSecret('ROOM_TOKEN_KEY');
  if (body.room === 'call') {
    // Members of the call's conversation only (others get 404), and only while it is live.
    const { call } = await requireCallAccess(store, body.callId, user.id);
    requireLiveCall(call);
    const party = 'call' as const;
    const { token, expiresAt } = await mintRoomToken({
      userId: user.id,
      party,
      roomId: call.id,
      key,
    });
    return json({
      token,
      host: env.PARTYKIT_HOST,
      party,
      roomId: call.id,
      expiresAt: expiresAt.toISOString(),
    });
  }
  if (body.room === 'conversation') {
    // Members only: a non-member gets the same 404 as for a conversation that does not exist.
    await requireMember(store, body.conversationId, user.id);
    const party = 'conversation' as const;
    const roomId = body.conversationId;
    const alsoOpens = await alsoConversations(store, user.id, roomId);
    const { token, expiresAt } = await mintRoomToken({
      userId: user.id,
      party,
      roomId,
      key,
      alsoOpens: conversationRooms(alsoOpens),
    });
    return json({
      token,
      host: env.PARTYKIT_HOST,
      party,
      roomId,
      expiresAt: expiresAt.toISOString(),
      ...(alsoOpens.length > 0 ? { alsoOpens } : {}),
    });
  }
  const party = 'main' as const;
  const roomId = user.id;
  const [contacts, alsoOpens] = await Promise.all([
    store.listContacts({ userId: user.id, limit: MAX_CONTACTS }),
    alsoConversations(store, user.id),
  ]);
  const { token, expiresAt } = await mintRoomToken({
    userId: user.id,
    party,
    roomId,
    key,
    claims: { contacts },
    alsoOpens: conversationRooms(alsoOpens),
  });
  return json({
    token,
    host: env.PARTYKIT_HOST,
    party,
    roomId,
    expiresAt: expiresAt.toISOString(),
    ...(alsoOpens.length > 0 ? { alsoOpens } : {}),
  });
});
