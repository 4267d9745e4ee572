import 'server-only';

import { z } from 'zod';

import { env, requireSecret } from '@/lib/env';
import { log } from '@/lib/log';
import {
  realtimeDeliveries,
  realtimePublishDuration,
  realtimePublishes,
} from '@/lib/metrics/metrics';
import { recentActivity } from '@/lib/metrics/recent';
import { outgoingTraceparent } from '@/lib/observability/context';
import { guarded } from '@/lib/resilience/breakers';

import { SOCKETS_ROOM, socketsTotalSchema } from '@/lib/rooms/sockets';

import type { PartyName, PublishRequest, RoomEvent } from '../protocol';
import { roomRequest } from './room-http';

/** http for local `partykit dev`, https for PartyKit cloud. */
export function partyBaseUrl(host = env.PARTYKIT_HOST): string {
  const local = /^(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(host);
  return `${local ? 'http' : 'https'}://${host}`;
}

function observePublish(result: 'ok' | 'failed', started: number): void {
  const seconds = (performance.now() - started) / 1000;
  realtimePublishes.inc({ result });
  realtimePublishDuration.observe(seconds);
  recentActivity().latency('publish', seconds);
}

const viewersResponseSchema = z.object({ viewers: z.array(z.string()) });
/** A conversation room's publish answer: who is looking, and the frames sent to tabs. */
const publishAnswerSchema = viewersResponseSchema.extend({
  deliveries: z.number().int().nonnegative().optional(),
});

/**
 * A conversation room answers each publish with who is looking at it (lib/rooms/conversation.ts).
 * The notifications that follow a new message ask exactly that a moment later, in the same
 * process (the job runs right after the response): an answer this fresh is used instead of a
 * second request to the room (#19: one PartyKit request per notifying message).
 */
export const VIEWERS_FRESH_MS = 3_000;
const MAX_REMEMBERED_ROOMS = 500;
const recentViewers = new Map<string, { viewers: string[]; at: number }>();

/** Reads a conversation room's publish answer: its viewers and the deliveries it reports. */
function readPublishAnswer(conversationId: string, answer: string): void {
  let parsed: z.ZodSafeParseResult<z.infer<typeof publishAnswerSchema>>;
  try {
    parsed = publishAnswerSchema.safeParse(JSON.parse(answer));
  } catch {
    return;
  }
  if (!parsed.success) return;
  const deliveries = parsed.data.deliveries ?? 0;
  realtimeDeliveries.inc(deliveries);
  recentActivity().count('deliveries', deliveries);
  recentViewers.delete(conversationId);
  recentViewers.set(conversationId, { viewers: parsed.data.viewers, at: Date.now() });
  // Oldest first (insertion order): keep the map small.
  for (const key of recentViewers.keys()) {
    if (recentViewers.size <= MAX_REMEMBERED_ROOMS) break;
    recentViewers.delete(key);
  }
}

/** Counts publishes that failed, for the health page and tests; clients recover by resync. */
export const publishStats = { ok: 0, failed: 0 };

function roomUrl(party: PartyName, room: string): string {
  return `${partyBaseUrl()}/parties/${party}/${encodeURIComponent(room)}`;
}

/** What every call to a room sends; with the current trace's `traceparent`, when traced. */
function serverHeaders(): Record<string, string> {
  const traceparent = outgoingTraceparent();
  return {
    ...(traceparent ? { traceparent } : {}),
    authorization: `Bearer ${requireSecret('PARTY_SECRET')}`,
    'content-type': 'application/json',
    // Room answers are a few bytes: never worth a zlib stream at both ends (a gzip answer to a
    // publish once cost ~8% of the app's CPU under message load).
    'accept-encoding': 'identity',
  };
}

/**
 * Publishes events to a room after the store was written. A failed publish is logged and counted,
 * never thrown: the write already happened and receivers catch up through `after=<seq>`.
 * `recipients` is for a conversation room, which forwards the events to those inbox rooms.
 */
export async function publish(opts: {
  party: PartyName;
  room: string;
  events: RoomEvent[];
  recipients?: string[];
}): Promise<boolean> {
  const body: PublishRequest = { events: opts.events };
  if (opts.recipients) body.recipients = opts.recipients;
  const started = performance.now();
  try {
    // Through PartyKit's breaker: while rooms are down, sends fail fast here instead of each
    // waiting 3 s, and clients catch up by resync as for any failed publish.
    await guarded('partykit', async () => {
      // The room continues this request's trace (its log lines carry the same trace id).
      const res = await roomRequest(roomUrl(opts.party, opts.room), {
        method: 'POST',
        headers: serverHeaders(),
        body: JSON.stringify(body),
        timeoutMs: 3000,
      });
      if (!res.ok) throw new Error(`room answered ${res.status}`);
      if (opts.party === 'conversation') readPublishAnswer(opts.room, res.text);
    });
    publishStats.ok++;
    observePublish('ok', started);
    return true;
  } catch (err) {
    publishStats.failed++;
    observePublish('failed', started);
    log.warn(
      { err, party: opts.party, room: opts.room, types: opts.events.map((e) => e.type) },
      'realtime publish failed',
    );
    return false;
  }
}

/**
 * Publishes a conversation's events once, to its room, which forwards them to each recipient's
 * inbox room (every tab they have open). Never throws, like publish().
 */
export async function publishToConversation(opts: {
  conversationId: string;
  recipients: string[];
  events: RoomEvent[];
}): Promise<boolean> {
  if (opts.recipients.length === 0 || opts.events.length === 0) return true;
  return publish({
    party: 'conversation',
    room: opts.conversationId,
    events: opts.events,
    recipients: opts.recipients,
  });
}

/**
 * The people who have the conversation open right now (connected to its room), for skipping
 * notifications they would not need: the room's answer to a publish of the last VIEWERS_FRESH_MS,
 * else a request. Never throws: [] when the room cannot be asked.
 */
export async function getConversationViewers(conversationId: string): Promise<string[]> {
  const recent = recentViewers.get(conversationId);
  if (recent && Date.now() - recent.at < VIEWERS_FRESH_MS) return recent.viewers;
  const answer = await askRoom('conversation', conversationId, viewersResponseSchema);
  return answer?.viewers ?? [];
}

/**
 * How many sockets are connected to inbox rooms (one per open tab), from the sockets room they
 * report to (lib/rooms/sockets.ts). Null when it cannot be asked; never throws.
 */
export async function readConnectedSockets(): Promise<number | null> {
  return (await askRoom('main', SOCKETS_ROOM, socketsTotalSchema))?.sockets ?? null;
}

/** GET on a room with the server secret, its answer parsed; null (logged) when it cannot be. */
async function askRoom<T>(party: PartyName, room: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const res = await roomRequest(roomUrl(party, room), {
      method: 'GET',
      headers: serverHeaders(),
      timeoutMs: 2000,
    });
    if (!res.ok) throw new Error(`room answered ${res.status}`);
    return schema.parse(JSON.parse(res.text));
  } catch (err) {
    log.warn({ err, party, room }, 'realtime room could not be asked');
    return null;
  }
}

/** Liveness of the PartyKit server, for the health route. */
export async function pingRealtime(timeoutMs = 2000): Promise<void> {
  const res = await fetch(`${partyBaseUrl()}/health`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`PartyKit answered ${res.status}`);
}

/**
 * Asks a room to fail on purpose (party/server.ts TEST_ERROR_PATH), for the operations page's
 * "Send test error": the room reports to Sentry when PartyKit has SENTRY_DSN. True when the room
 * failed as asked (it answers 500); false when it could not be reached.
 */
export async function askRoomToFail(): Promise<boolean> {
  try {
    const res = await fetch(`${roomUrl('main', 'operations-test')}/test-error`, {
      method: 'POST',
      headers: serverHeaders(),
      signal: AbortSignal.timeout(5000),
    });
    await res.arrayBuffer();
    return res.status === 500;
  } catch {
    return false;
  }
}
