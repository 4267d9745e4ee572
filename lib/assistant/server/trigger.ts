import 'server-only';

import { getRateLimiter } from '@/lib/cache/rate-limit';
import { addMembers } from '@/lib/chat/server/conversations';
import type { Store } from '@/lib/db';
import type { User } from '@/lib/db/types';
import { env } from '@/lib/env';
import type { AssistantReplyPayload } from '@/lib/jobs/catalog';
import { enqueueJob } from '@/lib/jobs/enqueue';

import { ASSISTANT_ID } from '../identity';
import type { ConversationsPort, MembershipsPort, MessagesPort, UsersPort } from '@/lib/db/store';

/** Requests one person may make per hour (AI_REQUESTS_PER_HOUR), shared by every conversation. */
export const assistantRateRule = () => ({ limit: env.AI_REQUESTS_PER_HOUR, windowMs: 3_600_000 });

/**
 * Queues the assistant's reply to `messageId`, sent by `user`. In a group the assistant joins
 * first if it is not a member (the usual "added" system message, by `user`), through the same
 * path as adding anyone: this throws the same ApiError when the group is full. Over the hourly
 * limit the job is still queued, to answer with the limit instead of staying silent. Queued once
 * per message (dedupe id); a rerun (the message-created job retried) finds the job already
 * queued and stops before counting the request against the limit again.
 */
export async function requestAssistantReply(input: {
  store: ConversationsPort &
    MembershipsPort &
    MessagesPort &
    UsersPort &
    Pick<Store, 'enqueueJob' | 'getJobByDedupeId' | 'listJobs' | 'relayOutbox'>;
  user: User;
  conversationId: string;
  messageId: string;
}): Promise<void> {
  const { store, user, conversationId, messageId } = input;
  const dedupeId = `assistant-reply:${messageId}`;
  if (await store.getJobByDedupeId({ dedupeId })) return;
  const conversation = await store.getConversation({ id: conversationId });
  if (!conversation) return;
  if (conversation.kind === 'group') {
    const member = await store.getMembership({ conversationId, userId: ASSISTANT_ID });
    if (!member) await addMembers(store, user, conversationId, [ASSISTANT_ID]);
  }
  const rate = await getRateLimiter().consume(`assistant:${user.id}`, assistantRateRule());
  const payload: AssistantReplyPayload = { conversationId, messageId };
  if (!rate.allowed) payload.limited = { retryAfterSeconds: rate.retryAfterSeconds };
  await enqueueJob('assistant-reply', payload, { dedupeId, store });
}
