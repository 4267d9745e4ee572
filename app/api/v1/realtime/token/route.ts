import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { requireCallAccess, requireLiveCall } from '@/lib/calls/server/access';
import { requireMember } from '@/lib/chat/server/access';
import { getStore } from '@/lib/db';
import { env, requireSecret } from '@/lib/env';
import { mintRoomToken } from '@/lib/realtime/room-token';
import { createRoomTokenEndpoint } from '@/lib/realtime/endpoints';

export const runtime = 'nodejs';

/** Presence is shared with people one has a conversation with: at most this many. */
const MAX_CONTACTS = 200;

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
    const { token, expiresAt } = await mintRoomToken({ userId: user.id, party, roomId, key });
    return json({
      token,
      host: env.PARTYKIT_HOST,
      party,
      roomId,
      expiresAt: expiresAt.toISOString(),
    });
  }
  const party = 'main' as const;
  const roomId = user.id;
  const contacts = await store.listContacts({ userId: user.id, limit: MAX_CONTACTS });
  const { token, expiresAt } = await mintRoomToken({
    userId: user.id,
    party,
    roomId,
    key,
    claims: { contacts },
  });
  return json({
    token,
    host: env.PARTYKIT_HOST,
    party,
    roomId,
    expiresAt: expiresAt.toISOString(),
  });
});
