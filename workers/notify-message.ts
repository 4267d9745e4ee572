import { z } from 'zod';

import { defineJob } from '@/lib/jobs/define';
import { deliverNotification } from '@/lib/notifications/deliver';
import { memberFacts } from '@/lib/notifications/members';
import { plainPreview } from '@/lib/chat/plain-text';
import { messageRecipients, type MemberFacts } from '@/lib/notifications/rules';
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
    const [conversation, memberships, replyTo] = await Promise.all([
      store.getConversation({ id: message.conversationId }),
      store.listMemberships({ conversationId: message.conversationId }),
      message.replyToId ? store.getMessage({ id: message.replyToId }) : null,
    ]);
    if (!conversation) return;
    const decide = (viewers: ReadonlySet<string>, members: MemberFacts[]) =>
      messageRecipients({
        message: {
          authorId: message.authorId,
          kind: message.kind,
          deleted: false,
          mentions: message.mentions,
          replyToAuthorId: replyTo?.authorId ?? null,
        },
        conversationKind: conversation.kind,
        members,
        viewers,
      });
    // Someone who already read past it (on another device, before this job ran) needs no ping.
    const members = await memberFacts(
      store,
      memberships.filter((m) => m.lastReadSeq < message.seq),
    );
    // Most group messages notify nobody (the default level is mentions and DMs): only when
    // someone would hear of it is the conversation room asked who is looking at it right now.
    if (decide(new Set(), members).length === 0) return;
    const [viewers, author] = await Promise.all([
      getConversationViewers(message.conversationId),
      store.getUserById({ id: message.authorId }),
    ]);
    const recipients = decide(new Set(viewers), members);
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
