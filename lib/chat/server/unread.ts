import 'server-only';

import type { MessagesPort } from '@/lib/db/store';
import type { Conversation } from '@/lib/db/types';

/**
 * The unread count after `lastReadSeq`: main-timeline messages only, since thread replies kept in
 * their thread take the conversation's seq but are counted in the Threads view. Nothing to count
 * (the usual case) costs no query.
 */
export async function unreadIn(
  store: Pick<MessagesPort, 'countTimelineMessages'>,
  conversation: Pick<Conversation, 'id' | 'lastSeq'>,
  lastReadSeq: number,
): Promise<number> {
  if (conversation.lastSeq <= lastReadSeq) return 0;
  return store.countTimelineMessages({ conversationId: conversation.id, afterSeq: lastReadSeq });
}
