import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { GROUP_MAX_MEMBERS } from '@/lib/chat/schemas';
import type { Store } from '@/lib/db';
import type { Conversation, Message } from '@/lib/db/types';

import { ASSISTANT_ID } from '../identity';

/*
 * Whether a message calls the assistant. Kept apart from trigger.ts (which adds the assistant to
 * a group through lib/chat and queues its reply): lib/chat checks a message against these before
 * storing it, and must not import what imports lib/chat.
 */

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
  store: Pick<Store, 'listMemberships'>;
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
