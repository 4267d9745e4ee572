import { writeFileSync } from 'node:fs';

import { expect, it } from 'vitest';

import { GET as listMessages } from '@/app/api/v1/conversations/[id]/messages/route';
import { setRequestObserver } from '@/lib/api/observe';
import { setStoreObserver } from '@/lib/db/observe';
import { observeHttpRequests, observeStoreOperations } from '@/lib/metrics/http';
import { setTracingDisabled } from '@/lib/observability/context';
import {
  bearer,
  createApiToken,
  getRequest,
  sendText,
  signUpUsers,
  startDirect,
  withParams,
} from '@/test/api';

/**
 * What metrics and tracing cost one API route, in process; run by scripts/bench-observability.mjs
 * (vitest.bench.config.mts), never by the normal suite. GET /api/v1/conversations/:id/messages,
 * 50 messages a page, SQLite store: everything on (request and store metrics, the per-minute
 * ring, trace context and its log fields) versus everything off, alternating in rounds so machine
 * noise spreads over both. Writes the figures to BENCH_OUT.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS || 6);
const CALLS = Number(process.env.BENCH_CALLS || 400);

function setObservability(enabled: boolean) {
  if (enabled) {
    observeHttpRequests();
    observeStoreOperations();
  } else {
    setRequestObserver(undefined);
    setStoreObserver(undefined);
  }
  setTracingDisabled(!enabled);
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

it('measures GET messages with observability on and off', async () => {
  const [ana, ben] = await signUpUsers(2);
  const conversation = await startDirect(ana, ben);
  // Under the per-person send limit (20 per 10 s).
  for (let i = 0; i < 18; i++) await sendText(ana, conversation.id, `message ${i}`);
  const { token } = await createApiToken(ana.cookie);
  const headers = {
    ...bearer(token),
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  };
  const call = async () => {
    const res = await listMessages(
      getRequest(`/conversations/${conversation.id}/messages?limit=50`, headers),
      withParams({ id: conversation.id }),
    );
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  };

  const samples = { on: [] as number[], off: [] as number[] };
  const wall = { on: 0, off: 0 };
  for (let i = 0; i < 100; i++) await call(); // warm-up (JIT, statement cache)
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      setObservability(mode === 'on');
      const started = performance.now();
      for (let i = 0; i < CALLS; i++) {
        const t = performance.now();
        await call();
        samples[mode].push(performance.now() - t);
      }
      wall[mode] += performance.now() - started;
    }
  }
  setObservability(true);

  const figures = (mode: 'on' | 'off') => {
    const sorted = [...samples[mode]].sort((a, b) => a - b);
    return {
      requests: sorted.length,
      perSecond: Math.round((sorted.length / wall[mode]) * 1000),
      p50Ms: Number(quantile(sorted, 0.5).toFixed(3)),
      p99Ms: Number(quantile(sorted, 0.99).toFixed(3)),
    };
  };
  const on = figures('on');
  const off = figures('off');
  const pct = (a: number, b: number) => Number(((a / b - 1) * 100).toFixed(1));
  const result = {
    route: 'GET /api/v1/conversations/[id]/messages?limit=50 (SQLite, in process)',
    off,
    on,
    overheadPercent: {
      throughput: pct(off.perSecond, on.perSecond),
      p50: pct(on.p50Ms, off.p50Ms),
      p99: pct(on.p99Ms, off.p99Ms),
    },
  };
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(result, null, 2));
  expect(on.requests).toBe(off.requests);
});
