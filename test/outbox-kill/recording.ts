/**
 * The jobs of the outbox crash test (lib/jobs/outbox-crash.test.ts), shared by the child that
 * is killed and the dispatcher that restarts after it: the real message-created logic (recipients,
 * rules, notification rows) with its outside effects recorded in a file both processes append to.
 */
import { appendFileSync, readFileSync } from 'node:fs';

import { z } from 'zod';

import type { JobHandlers } from '@/lib/jobs/define';
import { registryFrom, type JobRegistry } from '@/lib/jobs/registry';
import { processMessageCreated } from '@/workers/message-created';

const entrySchema = z.object({
  event: z.enum(['attempt', 'delivered']),
  messageId: z.string(),
  userId: z.string(),
  pid: z.number(),
});
export type RecordedDelivery = z.infer<typeof entrySchema>;

export function readDeliveries(logFile: string): RecordedDelivery[] {
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => entrySchema.parse(JSON.parse(line)));
}

const nothing = async () => {};

/**
 * `hold` runs before each message-created attempt: the child makes it never resolve, so jobs it
 * claimed stay mid-flight, and the rest stay committed but undispatched, when it is killed.
 */
export function recordingRegistry({
  logFile,
  hold = nothing,
}: {
  logFile: string;
  hold?: () => Promise<void>;
}): JobRegistry {
  const record = (entry: Omit<RecordedDelivery, 'pid'>) =>
    appendFileSync(logFile, `${JSON.stringify({ ...entry, pid: process.pid })}\n`);
  const handlers: JobHandlers = {
    'message-created': async (payload, { store }) => {
      await hold();
      await processMessageCreated(
        {
          store,
          viewersOf: async () => [],
          requestAssistantReply: nothing,
          // The store's one-notification-per-source rule is the real one; the push, live event and
          // digest it would trigger are this line in the log, written only for a new notification.
          deliver: async (s, d) => {
            record({ event: 'attempt', messageId: d.messageId ?? '', userId: d.userId });
            const { created } = await s.createNotification({
              userId: d.userId,
              kind: d.kind,
              conversationId: d.conversation.id,
              messageId: d.messageId,
              callId: d.callId,
              seq: d.seq,
              actorId: d.actor?.id ?? null,
              preview: d.preview,
            });
            if (created)
              record({ event: 'delivered', messageId: d.messageId ?? '', userId: d.userId });
          },
        },
        payload,
      );
    },
    'notify-message': nothing,
    'notify-call': nothing,
    'email-digest': nothing,
    'assistant-reply': nothing,
    'daily-backup': nothing,
    'prune-notifications': nothing,
    'game-timeout': nothing,
    'game-ai-move': nothing,
    'notify-game': nothing,
    'game-challenge-expiry': nothing,
  };
  return registryFrom(handlers);
}
