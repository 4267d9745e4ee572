import 'server-only';

import type { Store } from '@/lib/db';
import type { Message, NewJob } from '@/lib/db/types';
import { republishNowAndThen } from '@/lib/jobs/enqueue';
import { nudgeLocalDispatcher } from '@/lib/jobs/local-dispatcher';
import { dispatchQueued, newJob } from '@/lib/jobs/outbox';
import { messagesCreated } from '@/lib/metrics/metrics';
import { recentActivity } from '@/lib/metrics/recent';

import { announce } from './events';
import type { MessageWire } from '../wire';
import type { MembershipsPort } from '@/lib/db/store';

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
 * Right after the commit: a new message goes live to every member, and the jobs the commit wrote
 * start on their way: QStash jobs are published at once; the local dispatcher is woken once the
 * message is live (it claims and runs the `message-created` job in this very process, and that
 * work would otherwise compete with the publish on every send; a job is never lost meanwhile:
 * it is a row the dispatcher's poll also finds). A retry announces nothing: the first attempt
 * did. With QStash, sends also re-send now and then the jobs whose publish never happened (as
 * every enqueue does).
 */
export async function afterCommit(
  store: MembershipsPort & Pick<Store, 'listJobs' | 'relayOutbox'>,
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
  const live = created
    ? announce(store, conversationId, [
        { type: 'message.created', conversationId, seq, message: wire },
      ])
    : Promise.resolve();
  const nudgeOnceLive = () => void live.then(nudgeLocalDispatcher, nudgeLocalDispatcher);
  await Promise.all([dispatchQueued(queued, { nudge: nudgeOnceLive }), live]);
}
