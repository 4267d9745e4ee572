import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GET as listRoute } from '@/app/api/jobs/route';
import { POST as retryRoute } from '@/app/api/jobs/retry/[id]/route';
import { getStore } from '@/lib/db';

/**
 * `npm run jobs` against the real /api/jobs handlers, served over HTTP from this test process
 * (with its in-memory store), so the script runs as it would against `npm run dev`.
 */
const run = promisify(execFile);
const SCRIPT = path.resolve('scripts/jobs.mjs');
const SECRET = process.env.JOBS_SECRET!;
let server: Server;
let url = '';
const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-jobs-cli-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const request = new Request(new URL(req.url ?? '/', url), {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) =>
          typeof v === 'string' ? [[k, v] as [string, string]] : [],
        ),
      });
      const retry = /^\/api\/jobs\/retry\/([^/?]+)$/.exec(request.url.replace(url, ''));
      const response = retry
        ? await retryRoute(request, { params: Promise.resolve({ id: retry[1]! }) })
        : await listRoute(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(await response.text());
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string> = { JOBS_SECRET: SECRET }) =>
  run(process.execPath, [SCRIPT, `--url=${url}`, ...args], {
    env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', PARLEY_DATA_DIR: dataDir, ...env },
  });

async function failedJob() {
  const store = await getStore();
  const { job } = await store.enqueueJob({
    name: 'notify-message',
    payload: { messageId: 'm_1' },
    dedupeId: crypto.randomUUID(),
    dispatcher: 'local',
    runAt: new Date(),
    maxAttempts: 1,
  });
  await store.startJobAttempt({ id: job.id, now: new Date(), leaseMs: 1_000 });
  await store.failJobAttempt({
    id: job.id,
    error: 'Error: the mail server\nsaid no',
    retryAt: null,
    now: new Date(),
  });
  return job;
}

describe('npm run jobs', () => {
  it('prints counts and a table of the jobs needing attention', async () => {
    const job = await failedJob();
    const { stdout } = await cli([]);
    expect(stdout).toMatch(/^pending \d+ · running \d+ · failed [1-9]\d* · succeeded \d+$/m);
    expect(stdout).toMatch(/^ID\s+NAME\s+STATE\s+ATTEMPTS\s+RUN AT\s+LAST ERROR$/m);
    const row = stdout.split('\n').find((line) => line.startsWith(job.id));
    expect(row).toMatch(
      /notify-message\s+failed\s+1\/1\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+Error: the mail server said no$/,
    );
    expect(stdout).toContain('npm run jobs -- retry <ID>');
  });

  it('retries a failed job', async () => {
    const job = await failedJob();
    const { stdout } = await cli(['retry', job.id]);
    expect(stdout).toContain(`Queued notify-message (${job.id}) again: pending`);
    expect((await (await getStore()).getJob({ id: job.id }))?.state).toBe('pending');
    await expect(cli(['retry', job.id])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Only failed jobs can be retried'),
    });
  });

  it('reads the secret npm run dev generated when JOBS_SECRET is not set', async () => {
    writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify({ JOBS_SECRET: SECRET }));
    const { stdout } = await cli(['--state=failed'], {});
    expect(stdout).toMatch(/^pending \d+/);
  });

  it('says so when the server refuses the secret', async () => {
    await expect(cli([], { JOBS_SECRET: 'not-the-secret' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('refused the jobs secret'),
    });
  });
});
