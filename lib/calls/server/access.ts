import 'server-only';

import { ApiError, notFound } from '@/lib/api/errors';
import type { CallsPort, ConversationsPort, MembershipsPort } from '@/lib/db/store';
import type { Call, Conversation, Membership } from '@/lib/db/types';

/**
 * A call the caller may see: it exists and they belong to its conversation. Everyone else gets
 * the same 404 as for a call that does not exist (as requireMember does for conversations).
 */
export async function requireCallAccess(
  store: CallsPort & ConversationsPort & MembershipsPort,
  callId: string,
  userId: string,
): Promise<{ call: Call; conversation: Conversation; membership: Membership }> {
  const call = await store.getCall({ id: callId });
  if (!call) throw notFound('That call');
  const [conversation, membership] = await Promise.all([
    store.getConversation({ id: call.conversationId }),
    store.getMembership({ conversationId: call.conversationId, userId }),
  ]);
  if (!conversation || !membership) throw notFound('That call');
  return { call, conversation, membership };
}

/** Joining a call's room: only while it rings or goes on. */
export function requireLiveCall(call: Call): void {
  if (call.state === 'ended') throw new ApiError('conflict', 'This call has ended.');
}
