import { z } from 'zod';

import {
  CONVERSATION_CLOSE_CODES,
  PROTOCOL_VERSION,
  clientFrameSchema,
  publishRequestSchema,
  roomIdSchema,
  type RoomEvent,
} from '../realtime/protocol';
import {
  childOf,
  formatTraceparent,
  parseTraceparent,
  type TraceParent,
} from '../observability/trace';
import { ROOM_TOKEN_TTL_SECONDS } from '../realtime/room-token';

import { RESUME_PATH, forwardAnswerSchema, skipList } from './away';
import { fanOut } from './fan-out';
import { readFrame, stateOf } from './frames';
import type { ConnectIdentity, RoomConnection, RoomHost, RoomProgram } from './host';
import { fail, ok, readBody, requireSecret } from './http';

/** A connection may send one typing frame per this long (plus the `stop` that ends a `start`). */
export const TYPING_MIN_INTERVAL_MS = 500;
/**
 * Room tokens are minted by Next.js and removals are timed by the room: a token issued up to this
 * long after the room heard of a removal still counts as issued before it.
 */
export const CLOCK_SKEW_MS = 5_000;
/** A removal is remembered until every token issued before it has expired (and a margin). */
export const REMOVAL_MEMORY_MS = ROOM_TOKEN_TTL_SECONDS * 1000 + 60_000;
const REMOVED_KEY = 'removed';

const connectionStateSchema = z.object({
  /** When this connection's last typing frame was accepted, and what it said. */
  typingAt: z.number(),
  typing: z.enum(['start', 'stop']),
  /** Whether it was already told `rate_limited` since its last accepted typing frame. */
  limited: z.boolean(),
  /** The highest read position this connection announced, and when (live receipts). */
  readSeq: z.number(),
  readAt: z.number(),
});

/** Removed user id → when the room heard of it (epoch ms); kept in storage for hibernation. */
const removedSchema = z.record(z.string(), z.number());
type Removed = z.infer<typeof removedSchema>;

/** Publish bodies for this room must name recipients by user id (their inbox room ids). */
const conversationPublishSchema = publishRequestSchema.extend({
  recipients: z.array(roomIdSchema).max(1000).optional(),
});

const userIdsOf = (events: RoomEvent[], type: 'member.added' | 'member.removed') =>
  events.flatMap((event) => (event.type === type ? event.userIds : []));

/**
 * The conversation room: one per conversation (room id = conversation id), joined by the members
 * who have it open. It relays typing between them and tells Next.js who is looking (viewers);
 * events Next.js publishes here are forwarded to the recipients' inbox rooms, which is where
 * every tab hears them, and a `call.ended` among them to the call's room.
 *
 * Membership (#17 finding 10): the publish that announces `member.removed` (a removal or a
 * leave) closes the removed people's sockets here and is remembered in storage with its time:
 * until their old tokens have expired, the room refuses tokens issued before the removal and
 * forwards nothing more to their inbox. `member.added` (or a token issued later, which Next.js
 * mints only for members) forgets it.
 *
 * Fan-out (#19): a recipient whose inbox no tab needs (none open, or all looking here) is skipped
 * and hears events on their connections here until one leaves or a tab connects to their inbox
 * (lib/rooms/away.ts).
 *
 * Requests (server secret): POST '' `{events, recipients}` → `{delivered, deliveries, viewers}`
 * (inbox rooms reached, frames they sent to tabs, and who is connected after it); GET '' →
 * `{viewers}` (distinct user ids connected); POST /resume `{userId, epoch}` (an inbox room whose
 * person has a tab again).
 */
export function conversationRoom(host: RoomHost): RoomProgram {
  /**
   * The removals, read from storage once per program: the program is made again after
   * hibernation or a restart, so this copy never outlives the storage it mirrors, and every
   * change goes to both. A publish (one per message) then reads no storage at all.
   */
  let removedCopy: Removed | undefined;
  /** Recipients with no tab open, skipped until their inbox room says resume. */
  const skips = skipList();
  const readRemoved = async (): Promise<Removed> => {
    if (removedCopy) return removedCopy;
    const parsed = removedSchema.safeParse(await host.storage.get(REMOVED_KEY));
    // Two first reads racing share whichever finished first.
    removedCopy ??= parsed.success ? parsed.data : {};
    return removedCopy;
  };

  const writeRemoved = async (removed: Removed) => {
    removedCopy = removed;
    if (Object.keys(removed).length === 0) {
      await host.storage.delete(REMOVED_KEY);
      await host.alarms.cancel();
      return;
    }
    await host.storage.put(REMOVED_KEY, removed);
    await host.alarms.set(Math.min(...Object.values(removed)) + REMOVAL_MEMORY_MS);
  };

  const refuse = (connection: RoomConnection) => {
    connection.setState(null);
    connection.send({
      type: 'error',
      code: 'removed',
      message: 'You are no longer a member of this conversation.',
    });
    connection.close(CONVERSATION_CLOSE_CODES.removed, 'removed');
  };

  const relayTyping = (sender: RoomConnection, typing: 'start' | 'stop') => {
    const state = stateOf(connectionStateSchema, sender);
    if (!state) return;
    const now = host.now();
    // A `stop` right after a `start` always passes, so a quick send never leaves "typing…" up.
    const endsTyping = typing === 'stop' && state.typing === 'start';
    if (now - state.typingAt < TYPING_MIN_INTERVAL_MS && !endsTyping) {
      if (!state.limited) {
        sender.setState({ ...state, limited: true });
        sender.send({
          type: 'error',
          code: 'rate_limited',
          message: 'typing frames come too fast',
        });
      }
      return;
    }
    sender.setState({ ...state, typingAt: now, typing, limited: false });
    // Everyone else who joined; none of the sender's own tabs.
    for (const connection of host.connections()) {
      if (connection.userId !== sender.userId && stateOf(connectionStateSchema, connection))
        connection.send({ type: 'typing', userId: sender.userId, state: typing });
    }
  };

  /**
   * A live read receipt: relayed to every other connection (the sender's other tabs included) as
   * the `read.updated` event the inbox would bring after the durable write. Only forward moves
   * count, at most one per TYPING_MIN_INTERVAL_MS (a faster one is dropped; the browser paces its
   * positions so its last one is never the one dropped: lib/chat/client/read-relay.ts). The room
   * stores nothing.
   */
  const relayRead = (sender: RoomConnection, seq: number) => {
    const state = stateOf(connectionStateSchema, sender);
    if (!state || seq <= state.readSeq) return;
    const now = host.now();
    if (now - state.readAt < TYPING_MIN_INTERVAL_MS) return;
    sender.setState({ ...state, readSeq: seq, readAt: now });
    const event: RoomEvent = {
      type: 'read.updated',
      conversationId: host.id,
      userId: sender.userId,
      lastReadSeq: seq,
    };
    for (const connection of host.connections()) {
      if (connection !== sender && stateOf(connectionStateSchema, connection))
        connection.send({ type: 'event', event });
    }
  };

  /** Connections whose identity was set (not refused), by person: one pass over the sockets. */
  const liveByUser = (): Map<string, RoomConnection[]> => {
    const byUser = new Map<string, RoomConnection[]>();
    for (const connection of host.connections()) {
      if (!stateOf(connectionStateSchema, connection)) continue;
      const mine = byUser.get(connection.userId);
      if (mine) mine.push(connection);
      else byUser.set(connection.userId, [connection]);
    }
    return byUser;
  };

  const viewers = (): string[] => [...liveByUser().keys()];

  /**
   * Forwards a publish to the recipients' inbox rooms, leaving out people removed by an earlier
   * publish; then applies the membership changes it announces.
   */
  const publish = async (
    events: RoomEvent[],
    recipientIds: string[],
    trace: TraceParent | null,
  ) => {
    // Each forward is a new span of the publisher's trace, so the inbox rooms continue it.
    const onward = () => (trace ? { traceparent: formatTraceparent(childOf(trace)) } : {});
    const removed = await readRemoved();
    const added = userIdsOf(events, 'member.added').filter((id) => removed[id] !== undefined);
    for (const userId of added) delete removed[userId];
    const now = host.now();
    const members = [...new Set(recipientIds)].filter((id) => removed[id] === undefined);
    // Membership changes always go through the inbox (the sidebar and other tabs act on them).
    const skipping = events.some((e) => e.type === 'member.added' || e.type === 'member.removed')
      ? new Set<string>()
      : new Set(members.filter((id) => skips.skips(id, now)));
    const live = liveByUser();
    // Skipped people hear it here, before anything else: a `leave` handled later is answered
    // after these frames, so a leaving tab reads them all (lib/rooms/away.ts).
    let direct = 0;
    for (const userId of skipping)
      for (const connection of live.get(userId) ?? []) {
        for (const event of events) connection.send({ type: 'event', event });
        direct += events.length;
      }
    const recipients = members.filter((id) => !skipping.has(id));
    // Each person's tabs here (a tab's sockets share one id: its `_pk`) and skip generation are
    // taken together, now: a leave after this bumps the generation, so an `away` answer built on
    // these tabs is then ignored.
    const targets = recipients.map((userId) => ({
      userId,
      generation: skips.generation(userId),
      tabs: [...new Set((live.get(userId) ?? []).map((c) => c.id))],
    }));
    const forwards = fanOut(targets, async ({ userId, generation, tabs }) => {
      const answer = await host.request(
        { party: 'main', roomId: userId },
        { method: 'POST', body: { events, from: host.id, tabs }, ...onward() },
      );
      const read = forwardAnswerSchema.safeParse(answer?.body);
      if (read.success) skips.answered(userId, read.data.away, generation, host.now());
      return answer ? (read.data?.deliveries ?? 0) : null;
    });
    const calls = fanOut(
      events.flatMap((event) => (event.type === 'call.ended' ? [event] : [])),
      (event) =>
        host.request(
          { party: 'call', roomId: event.callId },
          { method: 'POST', body: { events: [event] }, ...onward() },
        ),
    );
    const gone = new Set(userIdsOf(events, 'member.removed'));
    for (const userId of gone) removed[userId] = now;
    // Most publishes (messages) change nothing here: no write, no alarm.
    if (gone.size > 0 || added.length > 0) await writeRemoved(removed);
    for (const connection of host.connections())
      if (gone.has(connection.userId)) refuse(connection);
    const [answers] = await Promise.all([forwards, calls]);
    const delivered = answers.filter((answer) => answer !== null).length;
    // Frames the inbox rooms sent to their tabs (an older room answers without the count).
    const deliveries = answers.reduce<number>((sum, answer) => sum + (answer ?? 0), direct);
    host.log(delivered < recipients.length ? 'warn' : 'info', 'room publish', {
      party: 'conversation',
      room: host.id,
      events: events.length,
      recipients: recipients.length,
      skipped: skipping.size,
      delivered,
      deliveries,
      ...(trace ? { trace_id: trace.traceId } : {}),
    });
    return { delivered, deliveries };
  };

  return {
    async onConnect(connection: RoomConnection, identity: ConnectIdentity) {
      const removed = await readRemoved();
      const removedAt = removed[identity.userId];
      if (removedAt !== undefined) {
        if (identity.issuedAt * 1000 <= removedAt + CLOCK_SKEW_MS) return refuse(connection);
        // Minted later, so Next.js found them a member again: the removal is over.
        delete removed[identity.userId];
        await writeRemoved(removed);
      }
      connection.setState({ typingAt: 0, typing: 'stop', limited: false, readSeq: 0, readAt: 0 });
      connection.send({ type: 'welcome', v: PROTOCOL_VERSION, userId: identity.userId });
    },

    onMessage(sender, data) {
      if (!stateOf(connectionStateSchema, sender)) return; // refused: being closed
      const frame = readFrame(clientFrameSchema, data, sender);
      if (!frame) return;
      switch (frame.type) {
        case 'ping':
          sender.send({ type: 'pong', at: frame.at });
          return;
        case 'presence.set':
          sender.send({
            type: 'error',
            code: 'unsupported',
            message: 'presence belongs to the inbox room',
          });
          return;
        case 'typing':
          relayTyping(sender, frame.state);
          return;
        case 'read':
          relayRead(sender, frame.seq);
          return;
        case 'leave':
          // No longer looking: no viewer, no direct events; `left` follows every frame sent.
          sender.setState(null);
          skips.left(sender.userId);
          sender.send({ type: 'left' });
          return;
      }
    },

    onClose(connection) {
      skips.left(connection.userId);
    },

    async onRequest(request) {
      const denied = requireSecret(request, host.partySecret);
      if (denied) return denied;
      if (request.path === RESUME_PATH) return skips.onResume(request);
      if (request.path !== '') return fail(404, 'not_found', 'no such endpoint');
      if (request.method === 'GET') return ok({ viewers: viewers() });
      if (request.method !== 'POST') return fail(405, 'method_not_allowed', 'use GET or POST');
      const body = readBody(request, conversationPublishSchema);
      if (!body.ok) return body.response;
      const trace = parseTraceparent(request.traceparent);
      const { delivered, deliveries } = await publish(
        body.data.events,
        body.data.recipients ?? [],
        trace,
      );
      // Who is looking, as of this publish: the notifications that follow a new message ask
      // exactly this, and Next.js keeps it a moment instead of a second request (#19).
      return ok({ delivered, deliveries, viewers: viewers() });
    },

    /** Forgets removals whose earlier tokens have all expired. Uses no `id`: see RoomAlarms. */
    async onAlarm() {
      const removed = await readRemoved();
      const cutoff = host.now() - REMOVAL_MEMORY_MS;
      for (const [userId, at] of Object.entries(removed)) if (at <= cutoff) delete removed[userId];
      await writeRemoved(removed);
    },
  };
}
