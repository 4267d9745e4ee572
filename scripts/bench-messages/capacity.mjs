// --find-capacity: offer 100, 150, 200, 300, 400 … msg/s in turn and keep the highest rate at
// which delivery p99 stayed under the limit with every message stored and delivered. The
// decision is pure and the runner takes the measuring as a dependency (capacity.test.ts).
import { deliveredAll } from './figures.mjs';

/** Whether one step's window met the bar. */
export function stepPassed(figures, p99LimitMs) {
  const p99 = figures.deliveryLatencyMs.p99;
  return p99 !== null && p99 < p99LimitMs && deliveredAll(figures);
}

/**
 * After the steps measured so far (`passed` in the order offered), what next: the next rate, or
 * done with the capacity (the highest rate passed before the first failure; null if the first
 * failed). `atLeast` says every rate passed, so the capacity is only a lower bound.
 * @param {number[]} rates ascending
 * @param {{ rate: number, passed: boolean }[]} steps
 */
export function capacityDecision(rates, steps) {
  const failed = steps.find((s) => !s.passed);
  const passedBefore = steps.slice(0, failed ? steps.indexOf(failed) : steps.length);
  const capacity = passedBefore.length > 0 ? passedBefore.at(-1).rate : null;
  if (failed) return { done: true, nextRate: null, capacity, atLeast: false };
  const nextRate = rates[steps.length];
  if (nextRate === undefined) return { done: true, nextRate: null, capacity, atLeast: true };
  return { done: false, nextRate, capacity, atLeast: false };
}

/**
 * Steps `system` through `rates`, one measured window each (`deps.measureWindow`, systems.mjs),
 * with `deps.pause()` between them; answers the capacity and every step's figures.
 */
export async function findCapacity(system, { rates, stepSeconds, p99LimitMs }, deps) {
  const { measureWindow, pause, log } = deps;
  const steps = [];
  for (;;) {
    const decision = capacityDecision(rates, steps);
    if (decision.done) {
      return {
        p99LimitMs,
        stepSeconds,
        ratesOffered: rates,
        capacityMessagesPerSecond: decision.capacity,
        allRatesPassed: decision.atLeast,
        steps,
      };
    }
    const rate = decision.nextRate;
    log(`${system.name}: capacity step, ${rate} msg/s for ${stepSeconds} s…`);
    const figures = await measureWindow(system, {
      phase: `capacity-${rate}`,
      rate,
      seconds: stepSeconds,
    });
    const passed = stepPassed(figures, p99LimitMs);
    steps.push({ rate, passed, figures });
    log(
      `${system.name}: ${rate} msg/s → p99 ${figures.deliveryLatencyMs.p99} ms, ` +
        `${figures.deliveries.received}/${figures.deliveries.expected} delivered: ${passed ? 'pass' : 'fail'}`,
    );
    if (!passed) continue; // the decision above ends it
    await pause(); // queues (jobs, notifications) drain before the next rate
  }
}
