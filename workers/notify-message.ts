import { z } from 'zod';

import { defineJob } from '@/lib/jobs/define';
import { deliverNotification } from '@/lib/notifications/deliver';
import { memberFacts } from '@/lib/notifications/members';
import { plainPreview } from '@/lib/notifications/present';
import { messageRecipients } from '@/lib/notifications/rules';
import { getConversationViewers } from '@/lib/realtime/server';

/**
 * A new message: notify the members who should hear about it (lib/notifications/rules.ts) in
 * the app, by web push, and later by email if it stays unread. Queued by every user message.
 */
export const notifyMessage = defineJob({
  name: 'notify-message',
  payload: z.object({ messageId: z.string().min(1).max(64) }),
  maxAttempts: 5,
  timeoutMs: 30_000,
  async run({ messageId }, { store }) {
    const message = await store.getMessage({ id: messageId });
    // Deleted before we got to it, or never a person's message: nothing to say.
    if (!message || message.deletedAt || message.kind !== 'user' || !message.authorId) return;
    const [conversation, memberships, author, replyTo, viewers] = await Promise.all([
      store.getConversation({ id: message.conversationId }),
      store.listMemberships({ conversationId: message.conversationId }),
      store.getUserById({ id: message.authorId }),
      message.replyToId ? store.getMessage({ id: message.replyToId }) : null,
      getConversationViewers(message.conversationId),
    ]);
    if (!conversation) return;
    const recipients = messageRecipients({
      message: {
        authorId: message.authorId,
        kind: message.kind,
        deleted: false,
        mentions: message.mentions,
        replyToAuthorId: replyTo?.authorId ?? null,
      },
      conversationKind: conversation.kind,
      // Someone who already read past it (on another device, before this job ran) needs no ping.
      members: await memberFacts(
        store,
        memberships.filter((m) => m.lastReadSeq < message.seq),
      ),
      viewers: new Set(viewers),
    });
    const preview = plainPreview(message);
    for (const { userId, kind } of recipients) {
      await deliverNotification(store, {
        userId,
        kind,
        conversation,
        actor: author,
        messageId: message.id,
        callId: null,
        seq: message.seq,
        preview,
      });
    }
  },
});
