import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { requireAdmin, requireMember, requireMessageAccess } from '@/lib/chat/server/access';
import { announce } from '@/lib/chat/server/events';
import { withReplies } from '@/lib/chat/server/messages';
import { postSystemMessage } from '@/lib/chat/server/posted-messages';
import type { Store } from '@/lib/db';
import { MAX_PINS } from '@/lib/db/ports/pins';
import type { Pin, PinPolicy, User } from '@/lib/db/types';

import { canPin } from '../rules';
import type { PinsResponse, PinWire } from '../schemas';

async function toPinWires(store: Store, pins: Pin[]): Promise<PinWire[]> {
  const messages = await store.getMessages({ ids: pins.map((p) => p.messageId) });
  const wires = new Map((await withReplies(store, messages)).map((w) => [w.id, w]));
  return pins.flatMap((p) => {
    const message = wires.get(p.messageId);
    return message ? [{ message, pinnedBy: p.pinnedBy, pinnedAt: p.pinnedAt.toISOString() }] : [];
  });
}

export async function listPins(
  store: Store,
  user: User,
  conversationId: string,
): Promise<PinsResponse> {
  const { conversation, membership } = await requireMember(store, conversationId, user.id);
  const [pins, policy] = await Promise.all([
    store.listPins({ conversationId }),
    store.getPinPolicy({ conversationId }),
  ]);
  return {
    pins: await toPinWires(store, pins),
    policy: conversation.kind === 'direct' ? 'everyone' : policy,
    canPinAny: canPin({
      conversationKind: conversation.kind,
      role: membership.role,
      policy,
      userId: user.id,
      authorId: null,
    }),
  };
}

/** The message, once the caller is found allowed to pin or unpin it. */
async function requirePinnable(store: Store, user: User, messageId: string) {
  const access = await requireMessageAccess(store, messageId, user.id);
  const { message, conversation, membership } = access;
  const policy = await store.getPinPolicy({ conversationId: conversation.id });
  const allowed = canPin({
    conversationKind: conversation.kind,
    role: membership.role,
    policy,
    userId: user.id,
    authorId: message.authorId,
  });
  if (!allowed) {
    throw new ApiError(
      'forbidden',
      'In this group only admins and a message’s author can pin or unpin it.',
    );
  }
  return access;
}

async function announcePin(
  store: Store,
  conversationId: string,
  messageId: string,
  pinned: boolean,
  userId: string,
) {
  await announce(store, conversationId, [
    { type: 'pin.changed', conversationId, messageId, pinned, userId },
  ]);
}

/** Pins a message; the first pin posts "Ana pinned a message" and goes live to every member. */
export async function pinMessage(store: Store, user: User, messageId: string) {
  const { message, conversation } = await requirePinnable(store, user, messageId);
  if (message.deletedAt) throw new ApiError('conflict', 'This message was deleted.');
  if (message.kind !== 'user') {
    throw new ApiError('validation_failed', 'System messages cannot be pinned.');
  }
  const result = await store.pinMessage({
    conversationId: conversation.id,
    messageId,
    userId: user.id,
  });
  if ('full' in result) {
    throw new ApiError(
      'validation_failed',
      `A conversation holds at most ${MAX_PINS} pinned messages; unpin one first.`,
    );
  }
  if (result.created) {
    await postSystemMessage(store, conversation.id, {
      type: 'message.pinned',
      actorId: user.id,
      messageId,
    });
    await announcePin(store, conversation.id, messageId, true, user.id);
  }
  const [pin] = await toPinWires(store, [result.pin]);
  return { pin: pin! };
}

export async function unpinMessage(store: Store, user: User, messageId: string) {
  const { conversation } = await requirePinnable(store, user, messageId);
  const removed = await store.unpinMessage({ conversationId: conversation.id, messageId });
  if (removed) await announcePin(store, conversation.id, messageId, false, user.id);
  return { ok: true as const };
}

export async function setPinPolicy(
  store: Store,
  user: User,
  conversationId: string,
  policy: PinPolicy,
) {
  const { conversation, membership } = await requireMember(store, conversationId, user.id);
  requireAdmin(conversation, membership);
  const saved = await store.setPinPolicy({ conversationId, policy });
  await announce(store, conversationId, [{ type: 'conversation.updated', conversationId }]);
  return { policy: saved };
}
