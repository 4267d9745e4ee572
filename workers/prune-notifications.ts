import type { JobHandler } from '@/lib/jobs/define';
import { log } from '@/lib/log';
import {
  nextNotificationPrune,
  pruneCutoff,
  scheduleNotificationPrune,
} from '@/lib/notifications/server/retention';

export type NotificationPruneDeps = {
  now: () => Date;
  prune: (input: { readBefore: Date }) => Promise<number>;
  /** Queues the next run (deduplicated per day). */
  scheduleNext: (run: { day: string; at: Date }) => Promise<void>;
};

/**
 * One daily run: deletes notifications read before the retention cutoff, then queues
 * tomorrow's run. Safe to run twice (a second run finds nothing more to delete).
 */
export async function runNotificationPrune(
  deps: NotificationPruneDeps,
): Promise<{ pruned: number; readBefore: Date }> {
  const now = deps.now();
  const readBefore = pruneCutoff(now);
  const pruned = await deps.prune({ readBefore });
  await deps.scheduleNext(nextNotificationPrune(now));
  return { pruned, readBefore };
}

/** The daily job (lib/jobs/catalog.ts `prune-notifications`) over the app's store. */
export const pruneNotifications: JobHandler<'prune-notifications'> = async (
  _payload,
  { store },
) => {
  const result = await runNotificationPrune({
    now: () => new Date(),
    prune: (input) => store.pruneReadNotifications(input),
    scheduleNext: (run) => scheduleNotificationPrune({ ...run, store }),
  });
  log.info(result, 'read notifications pruned');
};
