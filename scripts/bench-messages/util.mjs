// Small helpers the benchmark's modules share: progress lines, sleeping, a concurrency pool, the
// message bodies and store-style ids.
import { randomBytes } from 'node:crypto';

const benchStarted = performance.now();

/** When this run started, as an ISO date. */
export const startedAt = () =>
  new Date(Date.now() - (performance.now() - benchStarted)).toISOString();
/** Seconds since this run started, one decimal. */
export const secondsSinceStart = () => Math.round((performance.now() - benchStarted) / 100) / 10;

const elapsed = () => ((performance.now() - benchStarted) / 1000).toFixed(1).padStart(6);
export const step = (text) => console.log(`[${elapsed()} s] ${text}`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const round = (value, digits = 2) =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null;

/** Runs `fn` over `items`, `concurrency` at a time; results in input order. */
export async function pool(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

export const SENTENCES = [
  'Pushed the fix for the flaky upload test, can someone take a look?',
  'Standup moved to 10:30 tomorrow, the room is booked until then.',
  'I think we should ship the new onboarding behind a flag first.',
  'Lunch? The ramen place on the corner has a short queue right now.',
  'The **staging** deploy is green again, thanks for the quick turnaround.',
  'Can we keep `retryAfterSeconds` in the error body as well as the header?',
  'Numbers from last week look good: sign-ups up 12%, churn flat.',
  'Reminder: design review at 3, bring the mobile mock-ups.',
  'Agreed. Let us timebox it to two days and see where we land.',
  'Here is the doc with the rollout plan, comments welcome before Friday.',
  'ok 👍',
  'On my way, five minutes.',
];

/** Ids like the store's newId(): prefix, underscore, 20 random base-36 characters. */
export function newId(prefix) {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (const b of randomBytes(20)) out += alphabet[b % 36];
  return `${prefix}_${out}`;
}
