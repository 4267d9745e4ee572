import 'server-only';

import type { Store } from '@/lib/db';
import type { Message, NewJob } from '@/lib/db/types';
import { republishNowAndThen } from '@/lib/jobs/enqueue';
import { dispatchQueued, newJob } from '@/lib/jobs/outbox';
import { messagesCreated } from '@/lib/metrics/metrics';
import { recentActivity } from '@/lib/metrics/recent';

import { announce } from './events';
import type { MessageWire } from '../wire';

/**
 * The follow-up of a person's message (notifications, the assistant when addressed; the
 * `message-created` job in workers/), written by the store in the message's own transaction:
 * a crash after the commit loses nothing, and a retried send re-creates it if it went missing.
 */
export const messageCreatedJob = (message: Message): NewJob[] => [
  newJob(
    'message-created',
    { messageId: message.id },
    { dedupeId: `message-created:${message.id}` },
  ),
];

/**
 * Right after the commit: the jobs it wrote start on their way (the local dispatcher wakes now
 * instead of at its next poll; QStash jobs are published) while a new message goes live to
 * every member. A retry announces nothing: the first attempt did. With QStash, sends also re-send
 * now and then the jobs whose publish never happened (as every enqueue does).
 */
export async function afterCommit(
  store: Store,
  {
    message,
    wire,
    created,
    queued,
  }: Awaited<ReturnType<Store['createMessage']>> & {
    wire: MessageWire;
  },
): Promise<void> {
  const { conversationId, seq } = message;
  if (created) {
    messagesCreated.inc();
    recentActivity().count('messages');
  }
  republishNowAndThen(store);
  await Promise.all([
    dispatchQueued(queued, { store }),
    created &&
      announce(store, conversationId, [
        { type: 'message.created', conversationId, seq, message: wire },
      ]),
  ]);
}
