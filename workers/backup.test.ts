import { describe, expect, it } from 'vitest';

import { nextBackupRun } from '@/lib/backup/schedule';

import { runDailyBackup, type DailyBackupDeps } from './backup';

/** A backup folder in memory, and a record of what the run asked for. */
function fakeDeps(names: string[], now: string, keep = 3) {
  const folder = new Set(names);
  const scheduled: { day: string; at: Date }[] = [];
  const deps: DailyBackupDeps = {
    now: () => new Date(now),
    keep,
    listBackups: async () => [...folder],
    makeBackup: async (at) => {
      const name = `parley-backup-${at.toISOString().replaceAll(':', '-').replace('.', '-')}.tar.gz`;
      folder.add(name);
      return name;
    },
    removeBackup: async (name) => {
      folder.delete(name);
    },
    scheduleNext: async (run) => {
      scheduled.push(run);
    },
  };
  return { deps, folder, scheduled };
}

const day = (d: string) => `parley-backup-2026-12-${d}T03-00-00-000Z.tar.gz`;

describe('runDailyBackup', () => {
  it('makes today’s backup, keeps the newest N, leaves other files alone, and queues tomorrow', async () => {
    const { deps, folder, scheduled } = fakeDeps(
      [
        day('01'),
        day('02'),
        day('03'),
        day('04'),
        'notes.txt',
        'parley-export-2026-11-30T03-00-00-000Z.ndjson',
      ],
      '2026-12-05T03:00:01.000Z',
    );
    const result = await runDailyBackup(deps);
    expect(result.made).toBe('parley-backup-2026-12-05T03-00-01-000Z.tar.gz');
    expect(result.pruned).toEqual([
      'parley-export-2026-11-30T03-00-00-000Z.ndjson',
      day('01'),
      day('02'),
    ]);
    expect([...folder].sort()).toEqual([day('03'), day('04'), result.made, 'notes.txt'].sort());
    expect(scheduled).toEqual([{ day: '2026-12-06', at: new Date('2026-12-06T03:00:00.000Z') }]);
  });

  it('is idempotent: a second run the same day makes nothing', async () => {
    const { deps, folder } = fakeDeps([day('05')], '2026-12-05T09:30:00.000Z');
    expect(await runDailyBackup(deps)).toEqual({ made: null, pruned: [] });
    expect([...folder]).toEqual([day('05')]);
  });
});

describe('nextBackupRun', () => {
  it('is the next 03:00 UTC strictly after now', () => {
    expect(nextBackupRun(new Date('2026-12-05T02:59:59Z'))).toEqual({
      day: '2026-12-05',
      at: new Date('2026-12-05T03:00:00Z'),
    });
    expect(nextBackupRun(new Date('2026-12-05T03:00:00Z')).day).toBe('2026-12-06');
    expect(nextBackupRun(new Date('2026-12-31T23:00:00Z')).day).toBe('2027-01-01');
  });
});
