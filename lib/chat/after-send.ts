import 'server-only';

import { isAssistantAddressed, requestAssistantReply } from '@/lib/assistant/trigger';
import type { Store } from '@/lib/db';
import type { Conversation, Message, User } from '@/lib/db/types';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { log } from '@/lib/log';

/**
 * What follows a new message once it is stored and published (DESIGN.md, "A message, end to
 * end", step 5): a notification job for the members who are away, and the assistant's reply
 * when the message addresses it. The message is already saved, so a failure here is logged and
 * never fails the send (the client would retry, find the message and queue nothing).
 */
export async function afterMessageCreated(
  store: Store,
  input: {
    conversation: Conversation;
    message: Message;
    /** null for messages the server writes (the assistant's): they never call the assistant. */
    author: User | null;
    memberIds: string[];
  },
): Promise<void> {
  const { conversation, message, author, memberIds } = input;
  try {
    await enqueueJob(
      'notify-message',
      { messageId: message.id },
      { dedupeId: `notify-message:${message.id}` },
    );
    if (author && isAssistantAddressed({ conversation, memberIds, message }))
      await requestAssistantReply({
        store,
        user: author,
        conversationId: conversation.id,
        messageId: message.id,
      });
  } catch (err) {
    log.error({ err, messageId: message.id }, 'could not queue the jobs that follow a message');
  }
}
