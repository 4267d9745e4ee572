import 'server-only';

import { ApiError } from '@/lib/api/errors';
import type { MembershipsPort, MessagesPort } from '@/lib/db/store';
import type { Message } from '@/lib/db/types';

import { announce } from './events';
import { toMessageWire } from '../present';

/**
 * The root a thread reply goes to: a person's message in this conversation that is not itself a
 * reply (threads are one level deep, as in Slack). A deleted root takes no new replies.
 */
export async function requireThreadRoot(
  store: MessagesPort,
  conversationId: string,
  rootId: string,
): Promise<Message> {
  const root = await store.getMessage({ id: rootId });
  const invalid = (reason: string) =>
    new ApiError('validation_failed', `You cannot reply in that thread: ${reason}.`, {
      fields: { threadRootId: reason },
    });
  if (!root || root.conversationId !== conversationId)
    throw invalid('not a message in this conversation');
  if (root.threadRootId !== null) throw invalid('it is a reply in a thread already');
  if (root.kind !== 'user') throw invalid('system messages have no threads');
  if (root.deletedAt) throw new ApiError('conflict', 'This message was deleted.');
  return root;
}

/**
 * After a reply was stored or deleted: the root (with its new summary) goes to every member as
 * `thread.updated`, so "3 replies" and the Threads view move live. Reads the root again: the
 * store wrote the summary in the reply's transaction.
 */
export async function announceThread(
  store: MessagesPort & MembershipsPort,
  rootId: string,
): Promise<void> {
  const root = await store.getMessage({ id: rootId });
  if (!root) return;
  await announce(store, root.conversationId, [
    {
      type: 'thread.updated',
      conversationId: root.conversationId,
      rootId,
      root: toMessageWire(root),
    },
  ]);
}
