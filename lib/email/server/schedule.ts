import 'server-only';

import type { Store } from '@/lib/db/store';
import { env } from '@/lib/env';
import { enqueueJob } from '@/lib/jobs/enqueue';

/** How long a mention or DM may stay unread before it goes out in a digest. */
export function digestDelayMs(): number {
  return Math.round(env.EMAIL_DIGEST_DELAY_MINUTES * 60_000);
}

/** A digest window: at most one digest job per person in it (never shorter than the delay). */
export function digestWindowMs(): number {
  return Math.max(digestDelayMs(), Math.round(env.EMAIL_DIGEST_EVERY_MINUTES * 60_000));
}

/**
 * Queues the person's digest for when a notification created at `now` becomes due. Everything in
 * one window shares one job, queued by the window's first notification and due at the window's
 * end (or when that notification has waited the delay, if later): it sends all that is unread and
 * old enough then, and reschedules itself for what is still too young (rescheduleDigest), so a
 * notification late in a window is never left out. With EMAIL_DIGEST_EVERY_MINUTES at or under
 * the delay, that is one job per delay, due a delay after the first notification. Called for each
 * new mention, DM or reply.
 */
export async function scheduleDigest(input: {
  userId: string;
  now: Date;
  store?: Pick<Store, 'enqueueJob' | 'listJobs' | 'relayOutbox'>;
}): Promise<void> {
  const window = digestWindowMs();
  const at = input.now.getTime();
  const bucket = Math.floor(at / window);
  await enqueueDigest({
    userId: input.userId,
    dedupeId: `email-digest:${input.userId}:${bucket}`,
    dueAt: Math.max((bucket + 1) * window, at + digestDelayMs()),
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
