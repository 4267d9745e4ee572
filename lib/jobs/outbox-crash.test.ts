import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { createSqliteStore } from '@/lib/db/sqlite';
import type { Store } from '@/lib/db/store';
import { readDeliveries, recordingRegistry } from '@/test/outbox-kill/recording';

import { createLocalDispatcher } from './local-dispatcher';
import { LEASE_MARGIN_MS, timeoutOf } from './runner';

const dir = mkdtempSync(path.join(tmpdir(), 'parley-outbox-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readySchema = z.object({
  ready: z.literal(true),
  authorId: z.string(),
  recipientId: z.string(),
  early: z.array(z.string()),
  late: z.array(z.string()),
});

/** Starts the child (test/outbox-kill/child.ts) and resolves with its first stdout line. */
async function startChild(file: string, logFile: string) {
  const child = spawn(
    process.execPath,
    ['test/outbox-kill/launch.mjs', 'test/outbox-kill/child.ts', file, logFile],
    // The test environment (secrets, an unreachable PartyKit host, silent logs), its own store.
    { env: { ...process.env, SQLITE_PATH: file }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`child exited (${code}): ${stderr}`)));
  });
  return { child, exited, ready: readySchema.parse(JSON.parse(line)) };
}

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe('the transactional outbox across a crash', () => {
  it('delivers every notification exactly once after a SIGKILL between commit and dispatch', async () => {
    const file = path.join(dir, 'parley.db');
    const logFile = path.join(dir, 'deliveries.log');
    const { child, exited, ready } = await startChild(file, logFile);
    // No clean-up of any kind: whatever was committed is on disk, the rest is gone.
    child.kill('SIGKILL');
    await exited;

    const store: Store = createSqliteStore(file);
    try {
      const all = [...ready.early, ...ready.late];
      const jobs = await store.listJobs({
        states: ['pending', 'running', 'succeeded'],
        limit: 100,
      });
      // One job per message (the retried send wrote none), each committed with its message.
      expect(jobs.map((j) => j.dedupeId).sort()).toEqual(
        all.map((id) => `message-created:${id}`).sort(),
      );
      const states = countBy(jobs, (j) => j.state);
      expect(states.get('succeeded')).toBe(ready.early.length);
      // Some were never dispatched at all: committed, then the process died.
      expect(states.get('pending')).toBeGreaterThan(0);
      // Only the early messages reached anyone before the crash.
      expect(
        readDeliveries(logFile)
          .map((d) => d.messageId)
          .sort(),
      ).toEqual([...ready.early, ...ready.early].sort());

      // The restart: a dispatcher on the same file. Jobs the dead process had claimed come back
      // once their lease (the longest job timeout, daily-backup's, plus a margin) has run out,
      // so this one's clock is a minute past it.
      const registry = recordingRegistry({ logFile });
      const lease = Math.max(...Object.values(registry).map(timeoutOf)) + LEASE_MARGIN_MS;
      const dispatcher = createLocalDispatcher({
        store,
        registry,
        pollMs: 20,
        now: () => new Date(Date.now() + lease + 60_000),
      });
      dispatcher.start();
      await expect
        .poll(async () => store.countJobs({ state: 'succeeded' }), { timeout: 15_000 })
        .toBe(all.length);
      await dispatcher.stop();

      const deliveries = readDeliveries(logFile);
      expect(deliveries.every((d) => d.userId === ready.recipientId)).toBe(true);
      for (const event of ['attempt', 'delivered'] as const) {
        const perMessage = countBy(
          deliveries.filter((d) => d.event === event),
          (d) => d.messageId,
        );
        expect(Object.fromEntries(perMessage)).toEqual(
          Object.fromEntries(all.map((id) => [id, 1])),
        );
      }
      // The late ones were delivered by the restarted process, none by the one that died.
      const late = deliveries.filter((d) => ready.late.includes(d.messageId));
      expect(late.every((d) => d.pid === process.pid)).toBe(true);
      const { items } = await store.listNotifications({ userId: ready.recipientId, limit: 50 });
      expect(items.map((n) => n.messageId).sort()).toEqual([...all].sort());
      // The figure docs/SECURITY.md reports (faults injected, messages lost or duplicated).
      const delivered = countBy(
        deliveries.filter((d) => d.event === 'delivered'),
        (d) => d.messageId,
      );
      console.log(
        `outbox crash: 1 SIGKILL between commit and dispatch, ${all.length} messages, ` +
          `${all.filter((id) => !delivered.has(id)).length} lost, ` +
          `${[...delivered.values()].filter((n) => n > 1).length} duplicated`,
      );
    } finally {
      await store.close();
    }
  }, 90_000);
});
