import 'server-only';

import type { MembershipsPort, MessagesPort, UsersPort } from '@/lib/db/store';
import type { Message } from '@/lib/db/types';

import { ASSISTANT_ID, ASSISTANT_NAME } from '../identity';
import type { ChatMessage } from './openai-stream';

/** How far back the assistant reads before the token budget trims it further. */
export const CONTEXT_MESSAGES = 50;
/** Roles, separators and the like cost a few tokens per message whatever its length. */
export const MESSAGE_OVERHEAD_TOKENS = 4;

/** A rough token count (about four characters per token in English), enough for a budget. */
export function estimateTokens(message: ChatMessage): number {
  return Math.ceil(message.content.length / 4) + MESSAGE_OVERHEAD_TOKENS;
}

/**
 * The system prompt followed by as many of the latest turns as fit in `budgetTokens`, dropping
 * the oldest first. The last turn (the message being answered) is always kept, even alone over
 * the budget: without it there is no question.
 */
export function fitToBudget(
  system: ChatMessage,
  turns: ChatMessage[],
  budgetTokens: number,
): ChatMessage[] {
  const kept: ChatMessage[] = [];
  let used = estimateTokens(system);
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i]!;
    const cost = estimateTokens(turn);
    if (kept.length > 0 && used + cost > budgetTokens) break;
    kept.unshift(turn);
    used += cost;
  }
  return [system, ...kept];
}

export function systemPrompt(participants: string[]): ChatMessage {
  return {
    role: 'system',
    content: [
      `You are ${ASSISTANT_NAME}, an AI assistant taking part in a conversation in Parley, a chat app.`,
      `People in this conversation: ${participants.join(', ') || 'one person'}.`,
      'Their messages reach you as "Name: message". Answer the latest one.',
      'Be concise, as in a chat. Format with Markdown (no HTML). Do not start with your own name.',
    ].join('\n'),
  };
}

function turnOf(message: Message, nameOf: (id: string | null) => string): ChatMessage {
  const images = message.attachments.length;
  const text = [message.body, images ? `[${images} image${images > 1 ? 's' : ''}]` : '']
    .filter(Boolean)
    .join(' ');
  return message.authorId === ASSISTANT_ID
    ? { role: 'assistant', content: text }
    : { role: 'user', content: `${nameOf(message.authorId)}: ${text}` };
}

/**
 * What the provider reads to answer `trigger`: the system prompt, then the conversation up to
 * and including `trigger` (the latest CONTEXT_MESSAGES, oldest first, within `budgetTokens`).
 * Deleted and system messages say nothing to the assistant and are left out; the assistant's
 * own messages are its turns, everyone else's are "Name: text".
 */
export async function buildContext(input: {
  store: MessagesPort & MembershipsPort & UsersPort;
  trigger: Message;
  budgetTokens: number;
}): Promise<ChatMessage[]> {
  const { store, trigger } = input;
  const [page, memberships] = await Promise.all([
    store.listMessages({
      conversationId: trigger.conversationId,
      before: trigger.seq + 1,
      limit: CONTEXT_MESSAGES,
    }),
    store.listMemberships({ conversationId: trigger.conversationId }),
  ]);
  const messages = page.messages.filter(
    (m) => m.kind === 'user' && !m.deletedAt && (m.body.trim() !== '' || m.attachments.length > 0),
  );
  const ids = new Set([...memberships.map((m) => m.userId), ...messages.map((m) => m.authorId)]);
  ids.delete(ASSISTANT_ID);
  const users = await store.getUsersByIds({
    ids: [...ids].filter((id): id is string => id !== null),
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id && names.get(id)) || 'Someone';
  const participants = memberships
    .filter((m) => m.userId !== ASSISTANT_ID)
    .map((m) => nameOf(m.userId))
    .sort((a, b) => a.localeCompare(b));
  return fitToBudget(
    systemPrompt(participants),
    messages.map((m) => turnOf(m, nameOf)),
    input.budgetTokens,
  );
}
