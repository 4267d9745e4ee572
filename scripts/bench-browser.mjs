#!/usr/bin/env node
// `npm run bench:browser`: Enter → shown on the other person's screen, in two real Chromium pages
// (#18). Starts its own server on free ports with a throw-away data directory: the production
// build (.next-bench, shared with bench:messages) or, with --dev, `next dev` as `npm run dev` runs
// it. Two people with their direct conversation open; one types and presses Enter, one message
// at a time, and the pages' own clocks (page-probes.mjs) say when Enter went down, when the
// other page's socket got the frame, and when the message appeared in each log. The first
// --warmup messages are sent and not counted (with --dev they are what compiles the routes).
//
// Options (flag or environment variable):
//   --dev                BENCH_BROWSER_DEV=1     `next dev` instead of the production build
//   --messages=40        BENCH_BROWSER_MESSAGES  messages measured
//   --warmup=5           BENCH_BROWSER_WARMUP    messages sent first, not measured
//   --interval=250       BENCH_BROWSER_INTERVAL  ms between a message shown and the next Enter
//   --skip-build         BENCH_SKIP_BUILD=1      reuse .next-bench as it is (production only)
//   --profile            BENCH_BROWSER_PROFILE=1 a CPU profile of the receiving page over the
//                                                measured messages (bench-results/browser-*.cpuprofile)
// Browser: Debian's Chromium at /usr/bin/chromium; CHROMIUM_PATH overrides it ('' = Playwright's
// own, after `npx playwright install chromium`). Results: bench-results/browser.json.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

import { createApi } from './lib/api.mjs';
import { build, cpuBetween, sampleCpu, startServer } from './lib/bench-server.mjs';
import { summarize, formatSummary } from './lib/stats.mjs';
import { optionReader } from './bench-messages/options.mjs';
import { gitInfo, machineInfo } from './bench-messages/results.mjs';
import { round, sleep, step } from './bench-messages/util.mjs';
import { pageProbes } from './bench-browser/page-probes.mjs';
import { formatProfileSummary, summarizeProfile } from './bench-messages/profile-summary.mjs';

const RESULTS_DIR = path.resolve('bench-results');
const options = optionReader(process.argv.slice(2), process.env);
const config = {
  dev: options.flag('dev', 'BENCH_BROWSER_DEV'),
  messages: options.number('messages', 'BENCH_BROWSER_MESSAGES', 40, { min: 1, integer: true }),
  warmup: options.number('warmup', 'BENCH_BROWSER_WARMUP', 5, { integer: true }),
  intervalMs: options.number('interval', 'BENCH_BROWSER_INTERVAL', 250),
  skipBuild: options.flag('skip-build', 'BENCH_SKIP_BUILD'),
  profile: options.flag('profile', 'BENCH_BROWSER_PROFILE'),
};
if (options.problems.length > 0) {
  console.error(options.problems.join('\n'));
  process.exit(2);
}
const TARGET_P50_MS = config.dev ? 250 : 50;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  // `next dev` builds into <distDir>/dev: beside the production build, not over it.
  const distDir = '.next-bench';
  if (!config.dev && !(config.skipBuild && existsSync(distDir))) {
    step('building the production app into .next-bench…');
    await build({ distDir, logFile: path.join(RESULTS_DIR, 'browser-build.log') });
  }
  step(`starting ${config.dev ? '`next dev`' : 'the production build'} and partykit dev…`);
  const server = await startServer({
    distDir,
    dev: config.dev,
    logFile: path.join(RESULTS_DIR, 'browser-server.log'),
    extraEnv: { PARLEY_RATE_LIMITS: 'off', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' },
  });
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    // As people open `npm run dev`: at localhost (next dev refuses its HMR socket to other hosts).
    const result = await measure(server.baseUrl.replace('127.0.0.1', 'localhost'), browser);
    save(result);
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Two people in their direct conversation; `messages` sent one at a time from one to the other. */
async function measure(baseUrl, browser) {
  const api = createApi(baseUrl);
  const id = randomBytes(4).toString('hex');
  const person = (name) =>
    api.signUpOrIn({ email: `${name}-${id}@bench.test`, password: `bench-${id}-pw`, name });
  const [ana, ben] = [await person('Ana'), await person('Ben')];
  const { body } = await api.post(
    '/conversations',
    { kind: 'direct', memberIds: [ben.user.id] },
    { as: ana },
  );
  const url = `${baseUrl}/chats/${body.conversation.id}`;
  const open = async (who) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const [name, value] = who.cookie.split(/=(.*)/s);
    await context.addCookies([{ name, value, url: baseUrl }]);
    await context.addInitScript(pageProbes);
    const page = await context.newPage();
    await page.goto(url, { timeout: 180_000 });
    await page.locator('[data-realtime="open"]').waitFor({ state: 'attached', timeout: 180_000 });
    return page;
  };
  step('opening both pages (the conversation, with its socket)…');
  const [sender, receiver] = [await open(ana), await open(ben)];
  const composer = sender.getByRole('textbox', { name: 'Message' });

  const sendOne = async (token) => {
    for (const page of [sender, receiver])
      await page.evaluate((t) => window.__bench.want.push(t), token);
    await composer.fill(`Bench message ${token}`);
    await composer.press('Enter');
    await receiver.waitForFunction((t) => t in window.__bench.shown, token, { timeout: 30_000 });
    await sleep(config.intervalMs);
  };
  step(`warm-up: ${config.warmup} messages (not measured)…`);
  for (let i = 0; i < config.warmup; i++) await sendOne(`w${i}x${id}`);

  step(`measuring: ${config.messages} messages, one at a time…`);
  const profiler = config.profile ? await startPageProfile(receiver) : null;
  const cpuBefore = sampleCpu(process.pid);
  const started = performance.now();
  const tokens = [];
  for (let i = 0; i < config.messages; i++) {
    tokens.push(`m${i}x${id}`);
    await sendOne(tokens.at(-1));
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuBetween(cpuBefore, sampleCpu(process.pid), seconds);
  const profile = profiler ? await profiler() : null;
  const [s, r] = await Promise.all(
    [sender, receiver].map((page) => page.evaluate(() => window.__bench)),
  );
  const enterOf = (token) => s.enters[`Bench message ${token}`];
  const figures = (fn) => summarize(tokens.map(fn).filter((v) => Number.isFinite(v)));
  const longest = (tasks) => Math.max(0, ...tasks.map((t) => t.duration));
  return {
    enterToShownMs: figures((t) => r.shown[t] - enterOf(t)),
    enterToFrameMs: figures((t) => r.frames[t] - enterOf(t)),
    frameToShownMs: figures((t) => r.shown[t] - r.frames[t]),
    enterToOwnEchoMs: figures((t) => s.shown[t] - enterOf(t)),
    longestTaskMs: {
      sender: round(longest(s.longTasks), 1),
      receiver: round(longest(r.longTasks), 1),
    },
    cpuPercentOfOneCore: cpu,
    target: { enterToShownP50Ms: TARGET_P50_MS },
    ...(profile ? { receiverProfile: profile } : {}),
  };
}

/** Starts V8's profiler in `page`; the function it answers saves the profile and summarizes it. */
async function startPageProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    const file = path.join(
      RESULTS_DIR,
      `browser-${config.dev ? 'dev' : 'production'}-receiver.cpuprofile`,
    );
    writeFileSync(file, JSON.stringify(profile));
    return { file, ...summarizeProfile(profile) };
  };
}

function save(result) {
  const run = {
    startedAt: new Date().toISOString(),
    code: gitInfo(),
    machine: machineInfo(),
    config,
    mode: config.dev ? 'dev' : 'production',
    ...result,
  };
  const file = path.join(RESULTS_DIR, 'browser.json');
  let previous = { latest: {}, runs: [] };
  try {
    previous = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // first run, or an unreadable file: start again
  }
  const latest = { ...previous.latest, [run.mode]: run };
  const runs = [...(previous.runs ?? []), run].slice(-50);
  writeFileSync(file, `${JSON.stringify({ latest, runs }, null, 2)}\n`);

  const met = result.enterToShownMs.p50 <= TARGET_P50_MS;
  console.log(`
Browser: Enter → shown on the other person's screen (${run.mode}, ${result.enterToShownMs.count} messages)
  Enter → shown          ${formatSummary(result.enterToShownMs)}  ${met ? '✓' : '✗'} p50 target ≤ ${TARGET_P50_MS} ms
  Enter → frame arrives  ${formatSummary(result.enterToFrameMs)}
  frame → shown          ${formatSummary(result.frameToShownMs)}
  Enter → own echo       ${formatSummary(result.enterToOwnEchoMs)}
  longest main-thread task while measuring: sender ${result.longestTaskMs.sender} ms · receiver ${result.longestTaskMs.receiver} ms
  CPU (% of one core)    ${Object.entries(result.cpuPercentOfOneCore)
    .map(([k, v]) => `${k} ${v}%`)
    .join(' · ')}
Results in ${path.relative(process.cwd(), file)}`);
  if (result.receiverProfile)
    console.log(
      formatProfileSummary(
        `receiving page (${result.receiverProfile.file})`,
        result.receiverProfile,
      ).join('\n'),
    );
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
