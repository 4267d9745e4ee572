import 'server-only';

import type { Store } from '@/lib/db/store';
import { env } from '@/lib/env';
import { enqueueJob } from '@/lib/jobs/enqueue';

/** How long a mention or DM may stay unread before it goes out in a digest. */
export function digestDelayMs(): number {
  return Math.round(env.EMAIL_DIGEST_DELAY_MINUTES * 60_000);
}

/**
 * Queues the person's digest for when a notification created at `now` becomes due. A burst of
 * notifications makes one job: the deduplication id buckets time by the delay, so everything in
 * one bucket shares the job queued by the first (which sends all of them, the younger ones
 * included: "everything unread since the last email"). Called for each new mention, DM or reply.
 */
export async function scheduleDigest(input: {
  userId: string;
  now: Date;
  store?: Pick<Store, 'enqueueJob' | 'listJobs' | 'relayOutbox'>;
}): Promise<void> {
  const delay = digestDelayMs();
  const bucket = Math.floor(input.now.getTime() / delay);
  await enqueueDigest({
    userId: input.userId,
    dedupeId: `email-digest:${input.userId}:${bucket}`,
    dueAt: input.now.getTime() + delay,
    store: input.store,
  });
}

/**
 * Queues the digest again for `dueAt`, when the run that just ended found only notifications too
 * young to send. Its own deduplication id: the bucket's id is already taken by that very run.
 */
export async function rescheduleDigest(input: {
  userId: string;
  dueAt: Date;
  store?: Pick<Store, 'enqueueJob' | 'listJobs' | 'relayOutbox'>;
}): Promise<void> {
  await enqueueDigest({
    userId: input.userId,
    dedupeId: `email-digest:${input.userId}:at:${input.dueAt.getTime()}`,
    dueAt: input.dueAt.getTime(),
    store: input.store,
  });
}

async function enqueueDigest(input: {
  userId: string;
  dedupeId: string;
  dueAt: number;
  store?: Pick<Store, 'enqueueJob' | 'listJobs' | 'relayOutbox'>;
}): Promise<void> {
  await enqueueJob(
    'email-digest',
    { userId: input.userId },
    {
      dedupeId: input.dedupeId,
      // Relative to the clock now: a notification created a while ago is due sooner.
      delayMs: Math.max(0, input.dueAt - Date.now()),
      ...(input.store ? { store: input.store } : {}),
    },
  );
}
