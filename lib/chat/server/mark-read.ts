/** Marking a conversation read: the durable position, and who the receipt is announced to. */
import 'server-only';

import type { User } from '@/lib/db/types';
import { readConversationNotifications } from '@/lib/notifications/server/service';
import { publishToConversation } from '@/lib/realtime/server/publish';

import { requireMember } from './access';
import { unreadIn } from './unread';
import type {
  MembershipsPort,
  ConversationsPort,
  MessagesPort,
  NotificationsPort,
} from '@/lib/db/store';

/** A read that moves further than this tells every member (rare: someone back from a break). */
const RECEIPT_SCAN_LIMIT = 100;

/**
 * Who a read position moving from `from` to `to` matters to: the reader (their other tabs and
 * badges) and the authors of the messages read, whose "Seen"/"Seen by" sits under their newest
 * message; nobody else's receipt changes. In a group of 25 that is two inboxes instead of 25, on
 * what is the most frequent write of a chat (issue #19: PartyKit's free requests per day).
 */
async function readAudience(
  store: MembershipsPort & Pick<MessagesPort, 'listMessages'>,
  conversationId: string,
  readerId: string,
  from: number,
  to: number,
): Promise<string[]> {
  const members = (await store.listMemberships({ conversationId })).map((m) => m.userId);
  if (to - from > RECEIPT_SCAN_LIMIT) return members;
  const { messages } = await store.listMessages({ conversationId, after: from, limit: to - from });
  const authors = new Set(messages.flatMap((m) => (m.seq <= to && m.authorId ? [m.authorId] : [])));
  return members.filter((id) => id === readerId || authors.has(id));
}

/**
 * Moves the read position forward (never back) and tells who it matters to (readAudience): the
 * reader's tabs and the authors whose receipts change.
 */
export async function markRead(
  store: ConversationsPort &
    MembershipsPort &
    NotificationsPort &
    Pick<MessagesPort, 'listMessages' | 'countTimelineMessages'>,
  user: User,
  conversationId: string,
  seq: number,
): Promise<{ conversationId: string; lastReadSeq: number; unreadCount: number }> {
  const { conversation, membership } = await requireMember(store, conversationId, user.id);
  const updated = (await store.markRead({ conversationId, userId: user.id, seq })) ?? membership;
  if (updated.lastReadSeq !== membership.lastReadSeq) {
    await publishToConversation({
      conversationId,
      recipients: await readAudience(
        store,
        conversationId,
        user.id,
        membership.lastReadSeq,
        updated.lastReadSeq,
      ),
      events: [
        { type: 'read.updated', conversationId, userId: user.id, lastReadSeq: updated.lastReadSeq },
      ],
    });
    await readConversationNotifications(store, user.id, conversationId, updated.lastReadSeq);
  }
  return {
    conversationId,
    lastReadSeq: updated.lastReadSeq,
    unreadCount: await unreadIn(store, conversation, updated.lastReadSeq),
  };
}
