import { describe, expect, it } from 'vitest';

import { READ_NOTIFICATION_RETENTION_DAYS } from '@/lib/notifications/server/retention';

import { runNotificationPrune } from './prune-notifications';

describe('runNotificationPrune', () => {
  it('deletes what was read before the retention cutoff and queues tomorrow’s run at 04:00', async () => {
    const asked: Date[] = [];
    const scheduled: { day: string; at: Date }[] = [];
    const result = await runNotificationPrune({
      now: () => new Date('2026-12-07T04:00:02Z'),
      prune: async ({ readBefore }) => {
        asked.push(readBefore);
        return 12;
      },
      scheduleNext: async (run) => {
        scheduled.push(run);
      },
    });
    const cutoff = new Date(
      Date.parse('2026-12-07T04:00:02Z') - READ_NOTIFICATION_RETENTION_DAYS * 24 * 3600_000,
    );
    expect(asked).toEqual([cutoff]);
    expect(result).toEqual({ pruned: 12, readBefore: cutoff });
    expect(scheduled).toEqual([{ day: '2026-12-08', at: new Date('2026-12-08T04:00:00Z') }]);
  });

  it('queues the same day’s run when started before 04:00', async () => {
    const scheduled: { day: string; at: Date }[] = [];
    await runNotificationPrune({
      now: () => new Date('2026-12-07T01:30:00Z'),
      prune: async () => 0,
      scheduleNext: async (run) => {
        scheduled.push(run);
      },
    });
    expect(scheduled).toEqual([{ day: '2026-12-07', at: new Date('2026-12-07T04:00:00Z') }]);
  });

  it('does not queue the next run when pruning failed (the job is retried)', async () => {
    const scheduled: unknown[] = [];
    await expect(
      runNotificationPrune({
        now: () => new Date('2026-12-07T04:00:00Z'),
        prune: async () => {
          throw new Error('store away');
        },
        scheduleNext: async (run) => {
          scheduled.push(run);
        },
      }),
    ).rejects.toThrow('store away');
    expect(scheduled).toEqual([]);
  });
});
