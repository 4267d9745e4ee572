import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** scripts/audit.mjs against saved `npm audit --json` reports and allow-lists. */
const dir = mkdtempSync(path.join(tmpdir(), 'parley-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(value: unknown): string {
  const file = path.join(dir, `f${n++}.json`);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}
function audit(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      process.execPath,
      ['scripts/audit.mjs', ...args],
      { env: { ...process.env, GITHUB_ACTIONS: '', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

const report = (severity: string) => ({
  auditReportVersion: 2,
  vulnerabilities: {
    'left-pad': {
      name: 'left-pad',
      severity,
      via: [
        {
          source: 1099999,
          name: 'left-pad',
          title: 'Prototype pollution',
          url: 'https://github.com/advisories/GHSA-abcd-efgh-ijkl',
          severity,
        },
      ],
    },
    'uses-left-pad': { name: 'uses-left-pad', severity, via: ['left-pad'] },
  },
});
const allow = (expires: string, id = 'GHSA-abcd-efgh-ijkl') =>
  write({ advisories: [{ id, reason: 'Only reachable from a dev script; no fix yet.', expires }] });
const empty = () => write({ advisories: [] });

describe('scripts/audit.mjs', () => {
  it('fails on a high advisory that is not allow-listed, naming it and the package', async () => {
    const res = await audit(['--report', write(report('high')), '--allowlist', empty()]);
    expect(res.code).toBe(1);
    expect(res.out).toContain('high GHSA-abcd-efgh-ijkl in left-pad: Prototype pollution');
  });

  it('passes a moderate advisory (the gate is high)', async () => {
    const res = await audit(['--report', write(report('moderate')), '--allowlist', empty()]);
    expect(res.code).toBe(0);
  });

  it('passes an allow-listed advisory and says why', async () => {
    const res = await audit([
      '--report',
      write(report('critical')),
      '--allowlist',
      allow('2999-01-01'),
    ]);
    expect(res.out).toContain('allowed GHSA-abcd-efgh-ijkl (critical, left-pad) until 2999-01-01');
    expect(res.code).toBe(0);
  });

  it('fails on an expired allow-list entry, so an acceptance is reviewed again', async () => {
    const res = await audit([
      '--report',
      write(report('high')),
      '--allowlist',
      allow('2020-01-01'),
    ]);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/expired on 2020-01-01/);
  });

  it('refuses an allow-list entry without a reason', async () => {
    const list = write({ advisories: [{ id: 'GHSA-x', expires: '2999-01-01' }] });
    const res = await audit(['--report', write(report('high')), '--allowlist', list]);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/needs a "reason"/);
  });

  it('passes, saying so, when the registry does not answer; fails the same on GitHub Actions', async () => {
    const noAnswer = write({ message: '405 Method Not Allowed - POST …/advisories/bulk' });
    const local = await audit(['--report', noAnswer, '--allowlist', empty()]);
    expect(local.code).toBe(0);
    expect(local.out).toMatch(
      /did not answer the audit request .* GitHub Actions runs the real audit/,
    );
    const ci = await audit(['--report', noAnswer, '--allowlist', empty()], {
      GITHUB_ACTIONS: 'true',
    });
    expect(ci.code).toBe(1);
  });

  it('the repository allow-list itself is valid', async () => {
    const res = await audit(['--report', write(report('low'))]);
    expect(res.code).toBe(0);
  });
});
