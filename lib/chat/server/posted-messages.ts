/** Messages the server writes itself: system messages (calls, games, members), the assistant's. */
import 'server-only';

import type { Store } from '@/lib/db';
import type { Message, SystemEvent } from '@/lib/db/types';

import { afterCommit, messageCreatedJob } from './after-commit';
import { announce } from './events';
import { toMessageWire } from '../present';
import type { MessageWire } from '../wire';
import type { MembershipsPort } from '@/lib/db/store';

/**
 * Records a membership change (calls, games) in the conversation, live for everyone; returns the
 * stored message (a game keeps its card's id).
 */
export async function postSystemMessage(
  store: MembershipsPort & Pick<Store, 'createMessage'>,
  conversationId: string,
  system: SystemEvent,
): Promise<Message> {
  const { message } = await store.createMessage({
    conversationId,
    authorId: null,
    body: '',
    system,
  });
  await announce(store, conversationId, [
    { type: 'message.created', conversationId, seq: message.seq, message: toMessageWire(message) },
  ]);
  return message;
}

/**
 * Stores a message the server writes on someone's behalf (the assistant's replies) and announces
 * it like sendMessage does. No membership, upload or mention checks: the caller decided it may
 * speak here. The same clientId again returns the stored message and publishes nothing.
 */
export async function postMessageAs(
  store: MembershipsPort & Pick<Store, 'createMessage' | 'listJobs' | 'relayOutbox'>,
  input: {
    conversationId: string;
    authorId: string;
    body: string;
    clientId: string;
    replyTo: Message | null;
  },
): Promise<{ message: MessageWire; created: boolean }> {
  const stored = await store.createMessage({
    conversationId: input.conversationId,
    authorId: input.authorId,
    body: input.body,
    clientId: input.clientId,
    replyToId: input.replyTo?.id ?? null,
    mentions: [],
    // Notifications, as for any message (the person who asked may have left); the assistant's
    // own messages never call it again (isAssistantAddressed).
    jobs: messageCreatedJob,
  });
  const wire = toMessageWire(stored.message, input.replyTo);
  await afterCommit(store, { ...stored, wire });
  return { message: wire, created: stored.created };
}
