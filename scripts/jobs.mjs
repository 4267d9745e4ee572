#!/usr/bin/env node
// `npm run jobs`: the background jobs of a running Parley server that need attention (pending,
// running, failed) as a table; `npm run jobs -- --state=succeeded` lists one state;
// `npm run jobs -- retry <id>` queues a failed job again. It talks to NEXTAUTH_URL (or
// http://localhost:$PORT, 3000 by default; --url=<url> wins) with the jobs secret: JOBS_SECRET, or
// the one `npm run dev` generated into <PARLEY_DATA_DIR>/secrets.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { resolveDataDir } from './data-dir.mjs';

const USAGE = `Usage:
  npm run jobs                       pending, running and failed jobs
  npm run jobs -- --state=<state>    one state: pending, running, succeeded or failed
  npm run jobs -- retry <job id>     queue a failed job again
Options: --url=<server URL> (default NEXTAUTH_URL or http://localhost:3000)`;

function fail(message) {
  console.error(message);
  process.exit(1);
}

function readSecret() {
  if (process.env.JOBS_SECRET) return process.env.JOBS_SECRET;
  const file = path.join(resolveDataDir(), 'secrets.json');
  if (existsSync(file)) {
    const secret = JSON.parse(readFileSync(file, 'utf8')).JOBS_SECRET;
    if (typeof secret === 'string' && secret) return secret;
  }
  fail(
    `No jobs secret: set JOBS_SECRET, or start the app once with \`npm run dev\` (it writes ${file}).`,
  );
}

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const positional = args.filter((a) => !a.startsWith('--'));
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}

const baseUrl =
  option('url') || process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || '3000'}`;
const secret = readSecret();

async function call(method, pathname) {
  const url = new URL(pathname, baseUrl);
  let res;
  try {
    res = await fetch(url, { method, headers: { authorization: `Bearer ${secret}` } });
  } catch (error) {
    fail(
      `Could not reach ${url.origin} (${error.cause?.code ?? error.message}). Is the app running?`,
    );
  }
  const body = await res.json().catch(() => null);
  if (res.status === 401)
    fail(`${url.origin} refused the jobs secret: is this the server whose secret you have?`);
  if (!res.ok) fail(body?.error?.message ?? `${method} ${url.pathname} answered ${res.status}.`);
  return body;
}

const clip = (text, width) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

function printTable(rows) {
  const headers = Object.keys(rows[0]);
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(line(headers));
  for (const row of rows) console.log(line(headers.map((h) => row[h])));
}

if (positional[0] === 'retry') {
  const id = positional[1];
  if (!id) fail(USAGE);
  const { job } = await call('POST', `/api/jobs/retry/${encodeURIComponent(id)}`);
  console.log(`Queued ${job.name} (${job.id}) again: ${job.state}, runs at ${job.runAt}.`);
} else if (positional.length === 0) {
  const state = option('state');
  const { jobs, counts } = await call(
    'GET',
    `/api/jobs${state ? `?state=${encodeURIComponent(state)}` : ''}`,
  );
  console.log(
    `pending ${counts.pending} · running ${counts.running} · failed ${counts.failed} · succeeded ${counts.succeeded}`,
  );
  if (jobs.length === 0) {
    console.log(state ? `No ${state} jobs.` : 'Nothing pending, running or failed.');
  } else {
    printTable(
      jobs.map((job) => ({
        ID: job.id,
        NAME: job.name,
        STATE: job.state,
        ATTEMPTS: `${job.attempts}/${job.maxAttempts}`,
        'RUN AT': job.runAt.replace('T', ' ').slice(0, 19),
        'LAST ERROR': clip((job.lastError ?? '').replace(/\s+/g, ' '), 60),
      })),
    );
    if (jobs.some((job) => job.state === 'failed'))
      console.log('\nRetry a failed job with: npm run jobs -- retry <ID>');
  }
} else {
  fail(USAGE);
}
