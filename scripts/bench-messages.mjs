#!/usr/bin/env node
// `npm run bench:messages`: how fast a message gets from one person to the others, against a
// minimal Socket.io relay under the same load, and how fast history pages load. Starts its own
// production server (built into .next-bench) with PartyKit on free ports and a throw-away data
// directory, with PARLEY_RATE_LIMITS=off so that simulated people can sign up and send from one
// address (see lib/env.ts; never set it on a real server). The parts live in bench-messages/.
//
// Default run:
// 1. Realtime: G groups of S people (default 20 × 5). Everyone holds an inbox socket, as a
//    browser tab does; messages are POSTed at a steady rate spread over the groups, and the time
//    from the POST leaving to the `message.created` frame arriving is measured at every other
//    member's socket. Also: HTTP POST latency, messages/s sustained, delivery completeness, CPU.
// 2. The same people, groups and rate through the Socket.io relay of issue #18 (one Node process:
//    HTTP POST → SQLite insert with a per-conversation seq → room emit), right after; then
//    Parley ÷ relay at p50 and p99.
// 3. History: one conversation with N messages (default 100,000) written straight into the
//    SQLite file, then random 50-message pages timed over HTTP and on the store.
// Other scenarios (they replace the default run; add --fixed to keep it):
//   --find-capacity       offered rate 100, 150, 200, 300, 400, 600 … msg/s, for Parley and the
//                         relay: the highest with delivery p99 < 100 ms and 100 % delivered
//   --connections [N]     N people online (default 5000): inbox sockets with presence, 50 msg/s
//                         among them; memory of workerd and next-server, delivery p50/p99
//   --compare-observability  two servers side by side, metrics and tracing on and off, in
//                         alternating rounds (--observability-rounds=6): the overhead at p50/p99
//   --profile             CPU profiles of next-server and workerd over the first measured window
//                         (bench-results/*.cpuprofile) and their top self-time functions
//   --profile-history     a CPU profile of next-server over the timed history pages (HTTP)
//
// Options (flag or environment variable):
//   --rate=100            BENCH_RATE             messages per second offered
//   --duration=20         BENCH_DURATION         seconds measured
//   --warmup=3            BENCH_WARMUP           seconds sent first at the same rate, not measured
//   --groups=20           BENCH_GROUPS           conversations
//   --group-size=5        BENCH_GROUP_SIZE       people in each
//   --history=100000      BENCH_HISTORY          messages in the history conversation
//   --history-requests=500 BENCH_HISTORY_REQUESTS pages requested (HTTP and store each)
//   --no-relay            BENCH_RELAY=0          Parley alone
//   --looking             BENCH_LOOKING=1        everyone also has their group open (the room
//                                                then delivers on that socket, not the inbox)
//   --capacity-step=10    BENCH_CAPACITY_STEP    seconds measured per rate
//   --capacity-max=1000   BENCH_CAPACITY_MAX     highest rate offered
//   --connections-rate=50 BENCH_CONNECTIONS_RATE messages per second in --connections
//   --skip-build          BENCH_SKIP_BUILD=1     reuse .next-bench as it is
//   --keep-data           BENCH_KEEP_DATA=1      keep the temp data directory (path is printed)
//   --observability=off   BENCH_OBSERVABILITY=off request/store metrics and tracing off on the
//                         server (PARLEY_OBSERVABILITY), to measure what they cost (#13)
// Results: bench-results/messages.json (the latest figures of every part, and key figures of
// past runs), bench-results/messages-<time>.json (this run), server and build logs beside them.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { createApi } from './lib/api.mjs';
import { build, startServer } from './lib/bench-server.mjs';
import { findCapacity } from './bench-messages/capacity.mjs';
import { waitForQuiet } from './bench-messages/cpu.mjs';
import { connectionsScenario } from './bench-messages/connections.mjs';
import { ratios } from './bench-messages/figures.mjs';
import { historyPhase } from './bench-messages/history.mjs';
import { compareObservability } from './bench-messages/observability.mjs';
import { capacityRates, readOptions } from './bench-messages/options.mjs';
import { cpuProfiles, NEXT_INSPECT_OPTIONS } from './bench-messages/profile.mjs';
import { printSummary, TARGETS } from './bench-messages/report.mjs';
import { gitInfo, machineInfo, saveResults } from './bench-messages/results.mjs';
import { measureWindow, setupParley, setupRelay, warmUp } from './bench-messages/systems.mjs';
import { secondsSinceStart, startedAt, step } from './bench-messages/util.mjs';

// Paths below are relative to the repository, wherever this is run from.
process.chdir(new URL('..', import.meta.url).pathname);

const DIST_DIR = '.next-bench';
const RESULTS_DIR = 'bench-results';

const { config, problems } = readOptions(process.argv.slice(2), process.env);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(2);
}

/** Takes the profile out of the window that carries it, into its own part. */
function takeProfile(window, sections) {
  if (window?.profile) {
    sections.profile = window.profile;
    delete window.profile;
  }
}

/** Realtime and capacity: the same people and groups for Parley, then the relay. */
async function realtimeParts(server, api, runId, sections, profiler) {
  const parley = await setupParley(server, api, config, runId);
  const relay = config.relay ? await setupRelay(config, runId) : null;
  try {
    if (config.fixedRate) {
      await warmUp(parley, config.rate, config.warmupSeconds);
      step(`Parley: measuring, ${config.rate} msg/s for ${config.durationSeconds} s…`);
      const p = await measureWindow(parley, {
        phase: 'measure',
        rate: config.rate,
        seconds: config.durationSeconds,
        around: profiler.next(),
      });
      takeProfile(p, sections);
      let r = null;
      if (relay) {
        await waitForQuiet();
        await warmUp(relay, config.rate, config.warmupSeconds);
        step(`relay: measuring, ${config.rate} msg/s for ${config.durationSeconds} s…`);
        r = await measureWindow(relay, {
          phase: 'measure',
          rate: config.rate,
          seconds: config.durationSeconds,
        });
      }
      sections.realtime = {
        setup: parley.setup,
        warmupSeconds: config.warmupSeconds,
        targets: {
          deliveryP99Ms: TARGETS.deliveryP99Ms,
          deliveryMet: p.deliveryLatencyMs.p99 < TARGETS.deliveryP99Ms,
        },
        parley: p,
        relay: r,
        ratio: r ? ratios(p, r) : null,
      };
    }
    if (config.findCapacity) {
      const options = {
        rates: capacityRates(config.capacityMaxRate),
        stepSeconds: config.capacityStepSeconds,
        p99LimitMs: config.capacityP99Ms,
      };
      const deps = {
        // --profile without a fixed-rate run: Parley's first step is the window profiled.
        measureWindow: (system, window) =>
          measureWindow(system, {
            ...window,
            around: system === parley ? profiler.next() : undefined,
          }),
        pause: () => waitForQuiet({ timeoutMs: 20_000 }),
        log: step,
      };
      sections.capacity = { parley: null, relay: null };
      if (!config.fixedRate) await warmUp(parley, options.rates[0], config.warmupSeconds);
      sections.capacity.parley = await findCapacity(parley, options, deps);
      takeProfile(sections.capacity.parley.steps[0]?.figures, sections);
      if (relay) {
        await waitForQuiet();
        if (!config.fixedRate) await warmUp(relay, options.rates[0], config.warmupSeconds);
        sections.capacity.relay = await findCapacity(relay, options, deps);
      }
    }
  } finally {
    await parley.close();
    await relay?.close();
  }
}

async function main() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const runStartedAt = startedAt();
  let buildSeconds = null;
  if (config.skipBuild) {
    if (!existsSync(path.join(DIST_DIR, 'BUILD_ID'))) {
      console.error(`BENCH_SKIP_BUILD is set but ${DIST_DIR} holds no build; run once without it.`);
      process.exit(1);
    }
    step(`reusing the build in ${DIST_DIR}`);
  } else {
    step(`building into ${DIST_DIR} (log: ${RESULTS_DIR}/messages-build.log)…`);
    buildSeconds = Math.round(
      await build({ distDir: DIST_DIR, logFile: path.join(RESULTS_DIR, 'messages-build.log') }),
    );
  }

  if (config.compareObservability) {
    const sections = {
      observability: await compareObservability(
        (mode) => {
          step(`starting a server with metrics and tracing ${mode}…`);
          return startServer({
            distDir: DIST_DIR,
            logFile: path.join(RESULTS_DIR, `messages-server-observability-${mode}.log`),
            extraEnv: benchServerEnv(mode),
          });
        },
        config,
        randomBytes(4).toString('hex'),
      ),
    };
    return finish(runStartedAt, sections, buildSeconds);
  }

  step('starting Next.js (production) and partykit dev on free ports…');
  const server = await startServer({
    distDir: DIST_DIR,
    logFile: path.join(RESULTS_DIR, 'messages-server.log'),
    extraEnv: benchServerEnv(config.observability),
    nextEnv:
      config.profile || config.profileHistory
        ? {
            NODE_OPTIONS: [process.env.NODE_OPTIONS, NEXT_INSPECT_OPTIONS]
              .filter(Boolean)
              .join(' '),
          }
        : {},
  });
  const stop = () => server.stop({ keepData: config.keepData });
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => {
      void stop().finally(() => process.exit(130));
    });
  step(
    `server up: ${server.baseUrl} · PartyKit 127.0.0.1:${server.partyPort} · data ${server.dataDir}`,
  );

  const runId = randomBytes(4).toString('hex');
  const api = createApi(server.baseUrl, { waitOnRateLimit: false });
  // --profile covers the first measured window of Parley only (profiling slows what it watches).
  let profileLeft = config.profile;
  const profiler = {
    next: () => {
      if (!profileLeft) return undefined;
      profileLeft = false;
      const prefix = `messages-${runStartedAt.replace(/[:.]/g, '-')}`;
      return cpuProfiles(server, { resultsDir: RESULTS_DIR, prefix });
    },
  };
  const sections = {};
  try {
    if (config.fixedRate || config.findCapacity)
      await realtimeParts(server, api, runId, sections, profiler);
    if (config.connections !== null) {
      sections.connections = await connectionsScenario(server, api, config, runId, {
        around: profiler.next(),
      });
      takeProfile(sections.connections.window, sections);
    }
    if (config.fixedRate) {
      // A failure here must not lose the realtime figures measured before it.
      const around = config.profileHistory
        ? cpuProfiles(server, {
            resultsDir: RESULTS_DIR,
            prefix: `messages-${runStartedAt.replace(/[:.]/g, '-')}-history`,
          })
        : undefined;
      const history = await historyPhase(server, api, config, runId, { around }).catch((err) => {
        step(`history: failed (${err.cause?.message ?? err.message})`);
        return null;
      });
      sections.history = history && {
        ...history,
        targets: {
          historyP99Ms: TARGETS.historyP99Ms,
          historyHttpMet: history.httpLatencyMs.p99 < TARGETS.historyP99Ms,
          historyStoreMet: history.storeLatencyMs.p99 < TARGETS.historyP99Ms,
        },
      };
    }
  } finally {
    await stop();
    if (config.keepData) step(`data kept in ${server.dataDir}`);
  }
  finish(runStartedAt, sections, buildSeconds);
}

/** The bench server's environment: no rate limits, quiet logs, metrics and tracing as asked. */
function benchServerEnv(observability) {
  return {
    PARLEY_RATE_LIMITS: 'off',
    PARLEY_OBSERVABILITY: observability,
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  };
}

/** Saves the run's figures beside the earlier ones and prints the summary. */
function finish(runStartedAt, sections, buildSeconds) {
  const run = {
    startedAt: runStartedAt,
    machine: machineInfo(),
    code: gitInfo(),
    config: { ...config, rateLimits: 'off (PARLEY_RATE_LIMITS=off on the bench server)' },
    sections,
    buildSeconds,
    totalSeconds: secondsSinceStart(),
  };
  const { file } = saveResults(RESULTS_DIR, run);
  printSummary(run, { resultsFile: file });
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
