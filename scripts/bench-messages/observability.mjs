// --compare-observability: what metrics and tracing cost a message end to end (#13). Two
// production servers from one build run side by side, the second with PARLEY_OBSERVABILITY=off
// (no request/store latency metrics, no trace context); the same people and groups are set up on
// each, and short windows alternate between them (on, off, then off, on, …) so the machine's
// drift, which moves a lone run's p99 by 2× here, falls on both alike. Latencies of all rounds
// are pooled per server; the overhead is on ÷ off − 1 at p50 and p99 (goal: at most 10 %).
import { createApi } from '../lib/api.mjs';
import { waitForQuiet } from './cpu.mjs';
import { deliveryFigures } from './figures.mjs';
import { measureWindow, setupParley, warmUp } from './systems.mjs';
import { round, step } from './util.mjs';

export const MODES = ['on', 'off'];

/** on ÷ off − 1, in percent (null without both figures). */
export function overheadPercent(on, off) {
  if (on === null || off === null || !(off > 0)) return null;
  return round((on / off - 1) * 100, 1);
}

/** The order of round `i`: on first in even rounds, off first in odd ones. */
export const roundOrder = (i) => (i % 2 === 0 ? ['on', 'off'] : ['off', 'on']);

/**
 * @param {(mode: 'on' | 'off') => Promise<object>} startServer a started server per mode
 * @param {{ rate: number, durationSeconds: number, warmupSeconds: number, groups: number,
 *           groupSize: number, observabilityRounds: number }} config
 */
export async function compareObservability(startServer, config, runId) {
  const servers = {};
  const systems = {};
  try {
    for (const mode of MODES) {
      servers[mode] = await startServer(mode);
      const api = createApi(servers[mode].baseUrl, { waitOnRateLimit: false });
      systems[mode] = await setupParley(servers[mode], api, config, `${runId}${mode}`);
    }
    for (const mode of MODES) await warmUp(systems[mode], config.rate, config.warmupSeconds);
    const rounds = config.observabilityRounds;
    const seconds = Math.max(5, Math.round(config.durationSeconds / 2));
    const windows = [];
    for (let i = 0; i < rounds; i++) {
      for (const mode of roundOrder(i)) {
        await waitForQuiet({ timeoutMs: 20_000 });
        step(
          `metrics and tracing ${mode}: round ${i + 1} of ${rounds}, ${config.rate} msg/s for ${seconds} s…`,
        );
        const w = await measureWindow(systems[mode], {
          phase: `round-${i}`,
          rate: config.rate,
          seconds,
        });
        windows.push({
          round: i + 1,
          mode,
          deliveryLatencyMs: w.deliveryLatencyMs,
          httpPostLatencyMs: w.httpPostLatencyMs,
          completeness: w.deliveries.completeness,
        });
      }
    }
    const pooled = Object.fromEntries(
      MODES.map((mode) => [
        mode,
        deliveryFigures(
          Array.from({ length: rounds }, (_, i) => systems[mode].load.inPhase(`round-${i}`)).flat(),
        ),
      ]),
    );
    const overhead = (key) => ({
      p50: overheadPercent(pooled.on[key].p50, pooled.off[key].p50),
      p99: overheadPercent(pooled.on[key].p99, pooled.off[key].p99),
    });
    return {
      rounds,
      secondsPerWindow: seconds,
      offeredRate: config.rate,
      on: pooled.on,
      off: pooled.off,
      overheadPercent: {
        delivery: overhead('deliveryLatencyMs'),
        httpPost: overhead('httpPostLatencyMs'),
      },
      windows,
    };
  } finally {
    for (const mode of MODES) await systems[mode]?.close();
    for (const mode of MODES) await servers[mode]?.stop();
  }
}
