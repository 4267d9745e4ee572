/** Reacting to a message: the limit on distinct emoji and the write that announces a change. */
import 'server-only';

import { ApiError } from '@/lib/api/errors';
import type { User } from '@/lib/db/types';

import { requireMessageAccess } from './access';
import { announce } from './events';
import { withReplies } from './messages';
import type { MessageWire } from '../wire';
import type { ConversationsPort, MembershipsPort, MessagesPort } from '@/lib/db/store';

/** Distinct emoji one message can carry, so a message cannot be turned into a wall of them. */
export const MAX_REACTION_KINDS = 20;

export async function setReaction(
  store: ConversationsPort & MembershipsPort & MessagesPort,
  user: User,
  input: { messageId: string; emoji: string; present: boolean },
): Promise<MessageWire> {
  const { message } = await requireMessageAccess(store, input.messageId, user.id);
  if (message.deletedAt) throw new ApiError('conflict', 'This message was deleted.');
  if (message.kind === 'system')
    throw new ApiError('forbidden', 'System messages take no reactions.');
  const kinds = new Set(message.reactions.map((r) => r.emoji));
  if (input.present && !kinds.has(input.emoji) && kinds.size >= MAX_REACTION_KINDS) {
    throw new ApiError(
      'validation_failed',
      `A message holds at most ${MAX_REACTION_KINDS} different reactions.`,
    );
  }
  const had = message.reactions.some((r) => r.emoji === input.emoji && r.userIds.includes(user.id));
  const updated = await store.setReaction({ ...input, userId: user.id });
  if (!updated) throw new ApiError('not_found', 'That message was not found.');
  if (had !== input.present) {
    await announce(store, updated.conversationId, [
      {
        type: 'reaction.changed',
        conversationId: updated.conversationId,
        seq: updated.seq,
        messageId: updated.id,
        reactions: updated.reactions,
      },
    ]);
  }
  return (await withReplies(store, [updated]))[0]!;
}
