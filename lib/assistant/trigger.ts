import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { getRateLimiter } from '@/lib/cache/rate-limit';
import { addMembers } from '@/lib/chat/conversations';
import { GROUP_MAX_MEMBERS } from '@/lib/chat/schemas';
import type { Store } from '@/lib/db';
import type { Conversation, Message, User } from '@/lib/db/types';
import { env } from '@/lib/env';
import { enqueueJob } from '@/lib/jobs/enqueue';
import type { AssistantReplyPayload } from '@/workers/assistant-reply';

import { ASSISTANT_ID } from './identity';

// `@ai` as a word of its own: not inside an email or a path (`ana@ai.dev`, `x.com/@ai`) and not
// the start of a longer word or name (`@aida`, `@ai-bot`, `@ai.dev`).
const AT_AI = /(^|[^\p{L}\p{N}_.+\-@/])@ai(?![\p{L}\p{N}_]|[.\-][\p{L}\p{N}])/iu;

/** Whether `text` calls the assistant with `@ai` (case-insensitive). */
export const mentionsAi = (text: string): boolean => AT_AI.test(text);

/**
 * Whether a newly sent message asks the assistant for a reply: any person's message in a direct
 * conversation with it, or in a group a message that says `@ai` or @mentions it by name.
 * Never the assistant's own messages (it would answer itself forever) nor system messages.
 */
export function isAssistantAddressed(input: {
  conversation: Pick<Conversation, 'kind'>;
  memberIds: readonly string[];
  message: Pick<Message, 'kind' | 'authorId' | 'body' | 'mentions'>;
}): boolean {
  const { conversation, memberIds, message } = input;
  if (message.kind !== 'user' || !message.authorId || message.authorId === ASSISTANT_ID) {
    return false;
  }
  if (message.mentions.includes(ASSISTANT_ID)) return true;
  if (conversation.kind === 'direct') return memberIds.includes(ASSISTANT_ID);
  return mentionsAi(message.body);
}

/**
 * Refuses, before it is stored, a group message that calls `@ai` when the assistant is not in
 * the group and the group is full: it could not join to answer, and silence is not an answer.
 */
export async function assertAssistantCanAnswer(input: {
  store: Store;
  conversation: Pick<Conversation, 'id' | 'kind'>;
  body: string;
}): Promise<void> {
  const { store, conversation, body } = input;
  if (conversation.kind !== 'group' || !mentionsAi(body)) return;
  const members = await store.listMemberships({ conversationId: conversation.id });
  if (members.length < GROUP_MAX_MEMBERS || members.some((m) => m.userId === ASSISTANT_ID)) return;
  throw new ApiError(
    'validation_failed',
    `Parley AI can't join this group to answer: it already has ${GROUP_MAX_MEMBERS} members. ` +
      'Ask in a direct message to Parley AI, or remove someone first.',
    { fields: { body: 'Parley AI cannot join a full group' } },
  );
}

/** Requests one person may make per hour (AI_REQUESTS_PER_HOUR), shared by every conversation. */
export const assistantRateRule = () => ({ limit: env.AI_REQUESTS_PER_HOUR, windowMs: 3_600_000 });

/**
 * Queues the assistant's reply to `messageId`, sent by `user`. In a group the assistant joins
 * first if it is not a member (the usual "added" system message, by `user`), through the same
 * path as adding anyone: this throws the same ApiError when the group is full. Over the hourly
 * limit the job is still queued, to answer with the limit instead of staying silent. Queued once
 * per message (dedupe id), so a retried hook does not ask twice.
 */
export async function requestAssistantReply(input: {
  store: Store;
  user: User;
  conversationId: string;
  messageId: string;
}): Promise<void> {
  const { store, user, conversationId, messageId } = input;
  const conversation = await store.getConversation({ id: conversationId });
  if (!conversation) return;
  if (conversation.kind === 'group') {
    const member = await store.getMembership({ conversationId, userId: ASSISTANT_ID });
    if (!member) await addMembers(store, user, conversationId, [ASSISTANT_ID]);
  }
  const rate = await getRateLimiter().consume(`assistant:${user.id}`, assistantRateRule());
  const payload: AssistantReplyPayload = { conversationId, messageId };
  if (!rate.allowed) payload.limited = { retryAfterSeconds: rate.retryAfterSeconds };
  await enqueueJob('assistant-reply', payload, { dedupeId: `assistant-reply:${messageId}` });
}
