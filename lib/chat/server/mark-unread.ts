import 'server-only';

import type { Store } from '@/lib/db/store';
import type { User } from '@/lib/db/types';
import { publish } from '@/lib/realtime/server/publish';

import { requireMember } from './access';
import { conversationView } from './conversations';
import type { ConversationWire } from '../wire';

/**
 * "Mark unread" from message `seq`: the caller's read position moves back to just before it, so
 * the conversation's unread badge returns. Only the caller's own tabs hear of it (they refetch
 * the conversation); the others' "Seen by" is about what they were shown and stays.
 */
export async function markUnread(
  store: Store,
  user: User,
  conversationId: string,
  seq: number,
): Promise<ConversationWire> {
  const { conversation, membership } = await requireMember(store, conversationId, user.id);
  const updated = (await store.markUnread({ conversationId, userId: user.id, seq })) ?? membership;
  if (updated.lastReadSeq !== membership.lastReadSeq)
    await publish({
      party: 'main',
      room: user.id,
      events: [{ type: 'conversation.updated', conversationId }],
    });
  return conversationView(store, conversation, updated);
}
