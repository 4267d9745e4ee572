import { Writable } from 'node:stream';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { PartyName } from '@/lib/realtime/protocol';
import { startStandIn, type StandIn } from '@/test/http-stand-in';
import { createRoomWorld } from '@/test/room-host';

import { parseTraceparent } from './trace';

/**
 * One trace followed across every hop of a message: the browser's `traceparent` → the send route
 * → its PartyKit publish (a stand-in PartyKit that hands the request to the real room program
 * in test/room-host.ts) → the conversation room and its forwards to the inbox rooms → the job the
 * send queued → the worker running it (as the local dispatcher does, through runJob) → the job
 * that worker queues in turn. Each hop must carry the same trace id in a new span.
 */

const world = createRoomWorld();
const published: { party: string; room: string; traceparent: string | undefined }[] = [];
let party: StandIn;

/** PartyKit as far as Next.js sees it: POST /parties/<party>/<room> answered by the program. */
async function startParty(): Promise<string> {
  party = await startStandIn(async (req) => {
    const [, , name, room] = req.path.split('/');
    const traceparent = req.headers.traceparent as string | undefined;
    published.push({ party: name!, room: decodeURIComponent(room!), traceparent });
    const answer = await world.call(name as PartyName, decodeURIComponent(room!), {
      method: req.method || 'POST',
      body: JSON.parse(req.body || 'null') as unknown,
      traceparent: traceparent ?? null,
    });
    return { status: answer.status, json: answer.body };
  });
  return party.host;
}

beforeAll(async () => {
  vi.stubEnv('PARTYKIT_HOST', await startParty());
  vi.resetModules();
});
afterAll(() => {
  party.close();
  vi.unstubAllEnvs();
});

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const BROWSER_SPAN = 'b7ad6b7169203331';

describe('one trace id across browser → route → room → job → worker', () => {
  it('follows the browser’s traceparent through every hop, each hop in a new span', async () => {
    const api = await import('@/test/api');
    const { queuedJobs } = await import('@/test/jobs');
    const { runJob } = await import('@/lib/jobs/runner');
    const { getStore } = await import('@/lib/db');
    const { jobRegistry } = await import('@/workers');
    const { currentContext } = await import('./context');
    const { logOptions } = await import('@/lib/log');

    const [ana, ben] = await api.signUpUsers(2);
    const conversation = await api.startDirect(ana, ben);
    // Both have a tab open elsewhere, so the room forwards to their inboxes (with no tab it would
    // skip them: lib/rooms/away.ts).
    for (const account of [ana, ben])
      await world.connect('main', account.user.id, { userId: account.user.id });
    // Only what the send causes (starting the conversation published too, in its own trace).
    published.length = 0;
    world.requests.length = 0;
    world.logs.length = 0;
    const res = await api.postMessage(
      ana,
      conversation.id,
      { body: 'traced hello' },
      { cookie: ana.cookie, traceparent: `00-${TRACE_ID}-${BROWSER_SPAN}-01` },
    );
    expect(res.status).toBe(201);

    // Route → PartyKit publish: the same trace, the route's own span (not the browser's).
    const publish = published.find((p) => p.room === conversation.id);
    const sent = parseTraceparent(publish?.traceparent);
    expect(sent).toMatchObject({ traceId: TRACE_ID, sampled: true });
    expect(sent!.spanId).not.toBe(BROWSER_SPAN);

    // The room logs the publish with the trace id, and forwards it onward in new spans.
    expect(world.logs).toContainEqual(
      expect.objectContaining({
        room: `conversation/${conversation.id}`,
        msg: 'room publish',
        fields: expect.objectContaining({ trace_id: TRACE_ID, delivered: 2 }),
      }),
    );
    const forwards = world.requests.filter((r) => r.from === `conversation/${conversation.id}`);
    expect(forwards.map((f) => f.roomId).sort()).toEqual([ana.user.id, ben.user.id].sort());
    for (const forward of forwards) {
      const onward = parseTraceparent(forward.traceparent);
      expect(onward?.traceId).toBe(TRACE_ID);
      expect(onward?.spanId).not.toBe(sent!.spanId);
    }

    // Route → job: stored with the job, in the route's trace.
    const [job] = await queuedJobs('message-created');
    expect(parseTraceparent(job?.traceparent)?.traceId).toBe(TRACE_ID);

    // Job → worker: the worker runs in that trace, and its log lines carry it.
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { ...logOptions, level: 'info' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
          done();
        },
      }),
    );
    let seen: string | undefined;
    const real = jobRegistry['message-created']!;
    const registry = {
      ...jobRegistry,
      'message-created': {
        ...real,
        run: async (...args: Parameters<typeof real.run>) => {
          seen = currentContext()?.traceId;
          logger.info({ jobId: args[1].jobId }, 'worker step');
          return real.run(...args);
        },
      },
    };
    const store = await getStore();
    const publishedBefore = published.length;
    const running = await store.startJobAttempt({ id: job!.id, now: new Date(), leaseMs: 60_000 });
    expect(await runJob({ store, registry, job: running! })).toMatchObject({
      status: 'succeeded',
    });
    expect(seen).toBe(TRACE_ID);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'worker step',
        trace_id: TRACE_ID,
        span_id: expect.any(String),
      }),
    );

    // Worker → its own calls (who is viewing; the notification to Ben's inbox room): same trace.
    const fromWorker = published.slice(publishedBefore);
    expect(fromWorker.length).toBeGreaterThan(0);
    for (const p of fromWorker) expect(parseTraceparent(p.traceparent)?.traceId).toBe(TRACE_ID);
  });

  it('starts a new trace for a request without a traceparent (and for a malformed one)', async () => {
    const { route, json } = await import('@/lib/api/route');
    const { currentContext } = await import('./context');
    const ids: (string | undefined)[] = [];
    const GET = route({}, () => {
      ids.push(currentContext()?.traceId);
      return json({});
    });
    await GET(new Request('http://t/x'));
    await GET(new Request('http://t/x', { headers: { traceparent: '00-zz-yy-01' } }));
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
