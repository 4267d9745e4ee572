// `npm run bench:compare -- --base=<checkout>`: this checkout against another one (an older commit
// in a git worktree, with its node_modules installed), side by side: both servers up at once, the
// same 100,000-message conversation written into each (as bench:messages writes its history), then
// history pages and sends alternating between the two in ABBA order. This machine's speed drifts
// by a third from one minute to the next, which separate runs cannot tell from a change in the
// code; alternating requests, the drift weighs on both alike. Each side runs through its own
// checkout's scripts/lib/bench-server.mjs and .next-bench build (built first when missing).
//
//   --base=<dir>      BENCH_BASE        the checkout to compare with (required)
//   --pages=3000      BENCH_PAGES       history pages per side (random before=<seq>, 50 each)
//   --sends=1000      BENCH_SENDS       messages sent per side (POST, one at a time)
//   --history=100000  BENCH_HISTORY     messages in each side's conversation
import { existsSync } from 'node:fs';
import path from 'node:path';

import { createApi } from './lib/api.mjs';
import { formatSummary, summarize } from './lib/stats.mjs';
import { historyConversation, writeHistory } from './bench-messages/history.mjs';
import { optionReader } from './bench-messages/options.mjs';
import { step } from './bench-messages/util.mjs';

const here = path.resolve(new URL('..', import.meta.url).pathname);
const options = optionReader(process.argv.slice(2), process.env);
const base = options.raw('base', 'BENCH_BASE');
const pages = options.number('pages', 'BENCH_PAGES', 3000, { min: 1, integer: true });
const sends = options.number('sends', 'BENCH_SENDS', 1000, { min: 0, integer: true });
const history = options.number('history', 'BENCH_HISTORY', 100_000, { min: 100, integer: true });
if (!base)
  options.problems.push('--base=<checkout> is required (a git worktree of the other commit)');
if (options.problems.length > 0) {
  for (const problem of options.problems) console.error(problem);
  process.exit(2);
}

/** One side: its checkout's own bench server, started, with the history written into it. */
async function startSide(label, dir) {
  const root = path.resolve(dir);
  const { build, startServer } = await import(path.join(root, 'scripts/lib/bench-server.mjs'));
  const logDir = path.join(here, 'bench-results');
  if (!existsSync(path.join(root, '.next-bench/BUILD_ID'))) {
    step(`${label}: building ${root} into .next-bench…`);
    await build({
      distDir: '.next-bench',
      logFile: path.join(logDir, `compare-${label}-build.log`),
    });
  }
  const server = await startServer({
    distDir: '.next-bench',
    logFile: path.join(logDir, `compare-${label}-server.log`),
    extraEnv: { PARLEY_RATE_LIMITS: 'off', LOG_LEVEL: 'warn' },
  });
  const api = createApi(server.baseUrl);
  const { members, conversationId } = await historyConversation(api, `${label}${Date.now()}`);
  step(`${label}: writing ${history.toLocaleString('en')} messages…`);
  const { lastSeq } = writeHistory(
    path.join(server.dataDir, 'parley.db'),
    conversationId,
    members,
    history,
  );
  const cookie = members[0].cookie;
  const url = `${server.baseUrl}/api/v1/conversations/${conversationId}/messages`;
  let sent = 0;
  const once = (fn) => fn().catch(() => fn()); // a kept-alive connection closed by the write
  return {
    label,
    server,
    times: { page: [], send: [] },
    page: () =>
      once(async () => {
        const before = 51 + Math.floor(Math.random() * (lastSeq - 51));
        const res = await fetch(`${url}?before=${before}&limit=50`, { headers: { cookie } });
        if (!res.ok) throw new Error(`${label}: page answered ${res.status}`);
        await res.json();
      }),
    send: () =>
      once(async () => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', origin: server.baseUrl },
          body: JSON.stringify({ body: `Compare ${sent}`, clientId: `compare-${label}-${sent++}` }),
        });
        if (res.status !== 201) throw new Error(`${label}: send answered ${res.status}`);
        await res.json();
      }),
  };
}

/** Times `fn` on both sides, `rounds` times each, in ABBA order; the first `warmup` not kept. */
async function alternate(sides, kind, rounds, warmup) {
  for (let i = 0; i < rounds + warmup; i++)
    for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
      const started = performance.now();
      await side[kind]();
      if (i >= warmup) side.times[kind].push(performance.now() - started);
    }
}

const sides = [];
try {
  sides.push(await startSide('base', base), await startSide('this', here));
  step(`${pages} history pages per side, alternating…`);
  await alternate(sides, 'page', pages, 200);
  if (sends > 0) {
    step(`${sends} sends per side, alternating…`);
    await alternate(sides, 'send', sends, 50);
  }
  console.log(`\nbase = ${path.resolve(base)}, this = ${here}`);
  for (const kind of ['page', 'send'])
    for (const side of sides)
      if (side.times[kind].length > 0)
        console.log(
          `  ${kind === 'page' ? 'history page' : 'send (POST)'}  ${side.label.padEnd(4)}  ${formatSummary(summarize(side.times[kind]))}`,
        );
} finally {
  for (const side of sides) await side.server.stop();
}
