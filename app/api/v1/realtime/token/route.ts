import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { requireCallAccess, requireLiveCall } from '@/lib/calls/server/access';
import { requireMember } from '@/lib/chat/server/access';
import { getStore } from '@/lib/db';
import { env, requireSecret } from '@/lib/env';
import { mintRoomToken } from '@/lib/realtime/room-token';
import { createRoomTokenEndpoint } from '@/lib/realtime/endpoints';
import {
  alsoConversations,
  conversationRooms,
  mintInboxToken,
} from '@/lib/realtime/server/inbox-token';

export const runtime = 'nodejs';

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
  return json({
    ...(await mintInboxToken(store, user.id, key)),
    host: env.PARTYKIT_HOST,
    party: 'main' as const,
    roomId: user.id,
  });
});

export * from '@/lib/openapi/methods-not-taken';
