import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { supervisorStateSchema } from '@/lib/supervisor-state';
import { freePort } from '@/test/partykit';

/**
 * `scripts/run.mjs --realtime-only` as an operator runs it (the Next.js half is supervised by the
 * same code): the rooms come up on loopback, their secrets stay off every command line, the data
 * directory is private, and after a `kill -9` of workerd the supervisor notices through its
 * health probe and brings the rooms back.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-run-'));
rmSync(dataDir, { recursive: true }); // run.mjs creates it, as on a first run
let runner: ChildProcess;
let port = 0;
let output = '';

const ps = () => execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
const secretsSchema = z.object({ PARTY_SECRET: z.string(), ROOM_TOKEN_KEY: z.string() });
const stateFile = () => path.join(dataDir, 'supervisor.json');
const readState = () => supervisorStateSchema.parse(JSON.parse(readFileSync(stateFile(), 'utf8')));

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) }))
      .ok;
  } catch {
    return false;
  }
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>, ms = 90_000) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The workerd serving our port (partykit's child), from the process list. */
function workerdLine(): { pid: number; args: string } | null {
  const line = ps()
    .split('\n')
    .find((l) => l.includes('workerd') && l.includes(`:${port} `));
  if (!line) return null;
  const [pid, ...args] = line.trim().split(/\s+/);
  return { pid: Number(pid), args: args.join(' ') };
}

beforeAll(async () => {
  port = await freePort();
  runner = spawn(process.execPath, ['scripts/run.mjs', '--realtime-only'], {
    env: {
      ...process.env,
      PARLEY_DATA_DIR: dataDir,
      PARTYKIT_PORT: String(port),
      // Small timeouts: a probe every 300 ms, a restart after 3 misses, 200 ms backoff.
      SUPERVISOR_PROBE_MS: '300',
      SUPERVISOR_FAILURES: '3',
      SUPERVISOR_BACKOFF_MS: '200',
      // The test's own secrets must not leak into the runner: it generates the data dir's.
      PARTY_SECRET: '',
      ROOM_TOKEN_KEY: '',
      HOST: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  runner.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  runner.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor('the rooms to answer /health', healthy);
}, 120_000);

afterAll(async () => {
  if (runner.pid) {
    try {
      process.kill(runner.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await waitFor(
      'the runner to stop',
      () => runner.exitCode !== null || runner.signalCode !== null,
      10_000,
    ).catch(() => process.kill(-runner.pid!, 'SIGKILL'));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('scripts/run.mjs', () => {
  it('keeps the room secrets off every command line (ps shows argv to everyone)', () => {
    const secrets = secretsSchema.parse(
      JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')),
    );
    const everyCommandLine = ps();
    expect(everyCommandLine).toContain(`--port ${port}`);
    expect(everyCommandLine).not.toContain(secrets.PARTY_SECRET);
    expect(everyCommandLine).not.toContain(secrets.ROOM_TOKEN_KEY);
    const ours = everyCommandLine.split('\n').filter((l) => l.includes(String(port)));
    expect(ours.length).toBeGreaterThan(0);
    for (const line of ours) expect(line).not.toMatch(/--var\b/);
  });

  it('listens on 127.0.0.1 only when HOST is not set', () => {
    const workerd = workerdLine();
    expect(workerd?.args).toContain(`entry=127.0.0.1:${port}`);
    expect(workerd?.args).not.toContain(`0.0.0.0:${port}`);
  });

  it('makes the data directory and the files it writes private (0700 / 0600)', () => {
    const mode = (file: string) => statSync(path.join(dataDir, file)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    for (const file of ['secrets.json', 'partykit.json', 'supervisor.json'])
      expect([file, mode(file)]).toEqual([file, 0o600]);
    expect(mode('partykit')).toBe(0o700);
  });

  it('restarts the rooms after kill -9 of workerd, and says so in supervisor.json', async () => {
    const before = workerdLine();
    expect(before).not.toBeNull();
    // The rooms answered /health first; the supervisor's own probe says so a moment later.
    await waitFor('the supervisor to see the rooms up', () => {
      try {
        return readState().processes.realtime?.status === 'up';
      } catch {
        return false; // not written yet
      }
    });
    expect(readState().processes.realtime).toMatchObject({ status: 'up', restarts: 0 });
    process.kill(before!.pid, 'SIGKILL');
    await waitFor('the supervisor to notice', () => readState().processes.realtime!.restarts >= 1);
    expect(readState().processes.realtime?.lastReason).toMatch(/health probe|exited/);
    expect(output).toMatch(/\[run\] realtime .*restarting in/);
    await waitFor('the rooms to come back', async () => {
      const after = workerdLine();
      return after !== null && after.pid !== before!.pid && (await healthy());
    });
    await waitFor('the state to say up', () => readState().processes.realtime?.status === 'up');
    // The figure docs/SECURITY.md reports (faults injected, and whether the process came back).
    console.log(
      `supervisor: 1 kill -9 of workerd, restarted after ${readState().processes.realtime?.restarts} restart(s), rooms healthy again`,
    );
  }, 120_000);

  it('leaves no process behind when its process group is killed (as Playwright and terminals do)', async () => {
    const ours = () =>
      ps()
        .split('\n')
        .filter((l) => l.includes(`:${port}`) || l.includes(dataDir));
    expect(ours().length).toBeGreaterThan(0);
    process.kill(runner.pid!, 'SIGTERM');
    await waitFor(
      'the runner to exit',
      () => runner.exitCode !== null || runner.signalCode !== null,
    );
    await waitFor('its children to be gone', () => ours().length === 0, 10_000);
  }, 30_000);
});
