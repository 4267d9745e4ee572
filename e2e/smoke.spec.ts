import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';

/** Runs `npm run smoke` (scripts/smoke.mjs) as a deploy workflow does, against the e2e server. */
function smoke(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/smoke.mjs', ...args], {
      env: { ...process.env, SMOKE_EMAIL: '', SMOKE_PASSWORD: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('npm run smoke passes against the production build: health, accounts, socket, message, AI, clean-up', async ({
  baseURL,
  request,
}) => {
  test.setTimeout(90_000);
  const aiPort = Number(process.env.E2E_AI_PORT || 3198);
  const run = smoke(['--url', baseURL!, '--ai']);
  // The fake AI provider pauses each reply until released; a release sent early counts.
  await request.post(`http://127.0.0.1:${aiPort}/release`);
  const { code, output } = await run;
  expect(output).toContain('✓ receive it over the socket');
  expect(output).toContain('✓ receive its reply over the socket');
  expect(output).toMatch(/smoke test passed: 10 steps/);
  expect(code).toBe(0);
});

test('npm run smoke fails with the step that failed when the deployment is down', async () => {
  const { code, output } = await smoke(['--url', 'http://127.0.0.1:9', '--timeout', '3']);
  expect(code).toBe(1);
  expect(output).toMatch(/✗ health: \/api\/health\/ready answers 200/);
  expect(output).toContain('smoke test failed at: health');
});
