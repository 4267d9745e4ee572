/** The simulated clock: its event queue, the QStash relay that delivers jobs, and runUntil. */
import { vi } from 'vitest';

import { POST as jobRoute } from '@/app/api/jobs/[name]/route';
import { withParams } from '@/test/api';
import { signQStash } from '@/test/qstash';

import { invoke } from './metering';
import { budgetWorld } from './world';

export const MIN = 60_000;

const services = budgetWorld().services!;

// ── the simulated clock and its events ─────────────────────────────────────────────────────────
type Event = { at: number; run: () => Promise<void> };
const queue: Event[] = [];
export const schedule = (at: number, run: () => Promise<void>) => {
  queue.push({ at, run });
  queue.sort((a, b) => a.at - b.at);
};

/** QStash: every publish is one message; a delivery that fails is retried (another message). */
export const qstash = {
  cursor: 0,
  deliveries: 0,
  retries: 0,
  deduplicated: 0,
  seen: new Set<string>(),
};

function takeQStashPublishes(now: number): void {
  const { requests } = services.qstash;
  for (; qstash.cursor < requests.length; qstash.cursor++) {
    const req = requests[qstash.cursor]!;
    const dedupe = String(req.headers['upstash-deduplication-id'] ?? '');
    if (dedupe && qstash.seen.has(dedupe)) {
      qstash.deduplicated++;
      continue;
    }
    if (dedupe) qstash.seen.add(dedupe);
    const destination = decodeURIComponent(req.path.replace(/^\/v2\/publish\//, ''));
    const delay = Number(String(req.headers['upstash-delay'] ?? '0s').replace(/s$/, '')) || 0;
    deliverLater(now + delay * 1000, destination, req.body, 0);
  }
}

function deliverLater(at: number, destination: string, body: string, retried: number): void {
  schedule(at, async () => {
    qstash.deliveries++;
    const name = destination.split('/').pop()!;
    const signature = await signQStash({
      key: process.env.QSTASH_CURRENT_SIGNING_KEY!,
      url: destination,
      body,
    });
    const res = await invoke(`POST /api/jobs/${name}`, () =>
      jobRoute(
        new Request(destination, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'upstash-signature': signature,
            'upstash-retried': String(retried),
          },
          body,
        }),
        withParams({ name }),
      ),
    );
    if (!res.ok && res.status !== 489 && retried < 4) {
      qstash.retries++;
      deliverLater(Date.now() + 2 ** retried * 10_000, destination, body, retried + 1);
    }
  });
}

export async function runUntil(at: number): Promise<void> {
  for (;;) {
    takeQStashPublishes(Date.now());
    const next = queue[0];
    if (!next || next.at > at) break;
    queue.shift();
    vi.setSystemTime(Math.max(Date.now(), next.at));
    await next.run();
    // Work a handler started without awaiting (realtime publishes) settles before the next event.
    await new Promise((r) => setImmediate(r));
  }
  vi.setSystemTime(Math.max(Date.now(), at));
}
