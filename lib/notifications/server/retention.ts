import 'server-only';

import type { Store } from '@/lib/db/store';
import { enqueueJob } from '@/lib/jobs/enqueue';

/**
 * Retention of the bell's notifications (#19): a notification read more than this long ago is
 * deleted by the daily `prune-notifications` job. Unread ones stay until read. Notifications
 * were a third of a year's storage in the budget's model and were never pruned; the messages
 * they point at stay, and the bell shows the latest page only.
 */
export const READ_NOTIFICATION_RETENTION_DAYS = 30;
const DAY_MS = 24 * 3600_000;

/** Pruning runs at 04:00 UTC (after the 03:00 backup): the next such time strictly after `now`. */
export function nextNotificationPrune(now: Date): { day: string; at: Date } {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 4));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return { day: at.toISOString().slice(0, 10), at };
}

/** What one run deletes: notifications read before this. */
export function pruneCutoff(now: Date, days = READ_NOTIFICATION_RETENTION_DAYS): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * Queues the prune for `day` (catalog job `prune-notifications`, deduplicated by day, so every
 * server start and every run may call this and one job per day results). Without a time it runs
 * now. `store`: the app's by default.
 */
export async function scheduleNotificationPrune(run: {
  day: string;
  at?: Date;
  store?: Pick<Store, 'enqueueJob' | 'listJobs' | 'relayOutbox'>;
}): Promise<void> {
  await enqueueJob(
    'prune-notifications',
    { day: run.day },
    {
      dedupeId: `prune-notifications:${run.day}`,
      delayMs: run.at ? Math.max(0, run.at.getTime() - Date.now()) : 0,
      store: run.store,
    },
  );
}
