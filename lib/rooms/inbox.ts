import { fullBucket, takeToken } from '../calls/token-bucket';
import { PROTOCOL_VERSION, clientFrameSchema, type ClientFrame } from '../realtime/protocol';

import { awayRecord, forwardRequestSchema } from './away';
import { fanOut } from './fan-out';
import { readFrame, stateOf } from './frames';
import type { ConnectIdentity, RoomConnection, RoomHost, RoomProgram } from './host';
import { fail, ok, readBody, requireSecret } from './http';
import {
  PRESENCE_PATH,
  PRESENCE_RULE,
  PRESENCE_STORAGE_KEY,
  aggregateStatus,
  contactUnion,
  inboxConnectionStateSchema,
  presenceUserSchema,
  storedPresenceSchema,
  type InboxConnectionState,
  type PresenceUser,
  type StoredPresence,
} from './presence';
import { SOCKETS_ROOM } from './sockets';

type PresenceState = InboxConnectionState['state'];

/**
 * The inbox room: one per person (room id = user id). Every tab a person has open holds one
 * connection here and hears about all of their conversations, and the room keeps the person's
 * presence: it tells the inbox rooms of their contacts when their status changes and relays
 * those contacts' changes to its tabs. The owner's status is computed from the connections'
 * states every time (never cached in memory), so it is right after hibernation; storage keeps
 * only the last announced status (to announce changes once) and lastSeenAt.
 *
 * Requests (server secret): POST '' publishes events to the tabs (answering how many frames went
 * out); GET '' counts connections; GET /presence answers the owner's status and POST /presence
 * relays a contact's (room to room). Each tab connecting or leaving is reported to the sockets
 * room (lib/rooms/sockets.ts), the one place that counts every connected tab. When no tab here
 * needs a conversation room's forwards (none open, or every one looking at that conversation), the
 * room may skip this inbox until a tab connects here (lib/rooms/away.ts).
 */
export function inboxRoom(host: RoomHost): RoomProgram {
  const away = awayRecord(host);
  /** Announcements leave one after another so a contact never hears them out of order. */
  let announcements: Promise<unknown> = Promise.resolve();

  /** States of the open connections, leaving out one that is closing (by object, never by id). */
  const states = (closing?: RoomConnection): InboxConnectionState[] => {
    const all: InboxConnectionState[] = [];
    for (const connection of host.connections()) {
      if (connection === closing) continue;
      const state = stateOf(inboxConnectionStateSchema, connection);
      if (state) all.push(state);
    }
    return all;
  };

  const stored = async (): Promise<StoredPresence> => {
    const parsed = storedPresenceSchema.safeParse(await host.storage.get(PRESENCE_STORAGE_KEY));
    return parsed.success ? parsed.data : { status: 'offline', lastSeenAt: null };
  };

  const current = async (): Promise<PresenceUser> => {
    const status = aggregateStatus(states());
    const lastSeenAt = status === 'offline' ? (await stored()).lastSeenAt : null;
    return { userId: host.id, status, lastSeenAt };
  };

  /**
   * After a connection opened, closed or changed its state: when the aggregate status differs
   * from the one last announced, stores it and tells every contact's inbox room. Storage calls
   * keep other events out (PartyKit's input gate), so read-compare-write does not interleave.
   */
  const reconcile = async (closing?: RoomConnection): Promise<void> => {
    const previous = await stored();
    const live = states(closing);
    const status = aggregateStatus(live);
    if (status === previous.status) return;
    const lastSeenAt = status === 'offline' ? host.now() : previous.lastSeenAt;
    await host.storage.put(PRESENCE_STORAGE_KEY, { status, lastSeenAt });
    // The closing connection's contacts matter most when it was the last one.
    const closingState = closing ? stateOf(inboxConnectionStateSchema, closing) : null;
    const contacts = contactUnion(closingState ? [...live, closingState] : live);
    const update: PresenceUser = {
      userId: host.id,
      status,
      lastSeenAt: status === 'offline' ? lastSeenAt : null,
    };
    announcements = announcements.then(() =>
      fanOut(contacts, (roomId) =>
        host.request(
          { party: 'main', roomId, path: PRESENCE_PATH },
          { method: 'POST', body: update },
        ),
      ),
    );
    await announcements;
  };

  /** Tells the sockets room how many tabs are connected here now. */
  const reportSockets = (closing?: RoomConnection) =>
    host.request(
      { party: 'main', roomId: SOCKETS_ROOM },
      { method: 'POST', body: { room: host.id, sockets: states(closing).length } },
    );

  /** Sends a new connection one `presence` frame with the current status of its contacts. */
  const sendSnapshot = async (connection: RoomConnection, contacts: readonly string[]) => {
    if (contacts.length === 0) return;
    const answers = await fanOut(contacts, async (roomId) => {
      const answer = await host.request(
        { party: 'main', roomId, path: PRESENCE_PATH },
        { method: 'GET' },
      );
      const parsed = presenceUserSchema.safeParse(answer?.body);
      return parsed.success && parsed.data.userId === roomId ? parsed.data : null;
    });
    const users = answers.filter((user): user is PresenceUser => user !== null);
    if (users.length > 0) connection.send({ type: 'presence', users });
  };

  /** A contact's status changed: tells this room's connections whose token names them. */
  const deliver = (update: PresenceUser): number => {
    if (update.userId === host.id) return 0;
    let delivered = 0;
    for (const connection of host.connections()) {
      const state = stateOf(inboxConnectionStateSchema, connection);
      if (!state?.contacts.includes(update.userId)) continue;
      connection.send({ type: 'presence', users: [update] });
      delivered++;
    }
    return delivered;
  };

  /**
   * A tab's state changes at most as PRESENCE_RULE allows. A change beyond it is kept as
   * `pending` (the newest one wins) and applied by the connection's next frame that finds a
   * token, so the last word of a burst is never lost; the sender hears `rate_limited` once.
   */
  const setPresence = async (connection: RoomConnection, wanted: PresenceState | null) => {
    const state = stateOf(inboxConnectionStateSchema, connection);
    if (!state) return;
    const target = wanted ?? state.pending;
    if (!target) return;
    if (target === state.state) {
      if (state.pending) connection.setState({ ...state, pending: null });
      return;
    }
    const taken = takeToken(state.presence, PRESENCE_RULE, host.now());
    if (!taken.ok) {
      connection.setState({ ...state, presence: taken.bucket, pending: target, limited: true });
      if (!state.limited)
        connection.send({
          type: 'error',
          code: 'rate_limited',
          message: 'presence changes come too fast',
        });
      return;
    }
    connection.setState({
      ...state,
      state: target,
      presence: taken.bucket,
      pending: null,
      limited: false,
    });
    await reconcile();
  };

  const onFrame = async (sender: RoomConnection, frame: ClientFrame) => {
    switch (frame.type) {
      case 'ping':
        sender.send({ type: 'pong', at: frame.at });
        await setPresence(sender, null);
        return;
      case 'presence.set':
        await setPresence(sender, frame.state);
        return;
      case 'typing':
      case 'read':
      case 'leave':
        sender.send({
          type: 'error',
          code: 'unsupported',
          message: `${frame.type} belongs to a conversation room`,
        });
        return;
    }
  };

  return {
    async onConnect(connection: RoomConnection, identity: ConnectIdentity) {
      const state: InboxConnectionState = {
        contacts: identity.contacts,
        state: 'active',
        presence: fullBucket(PRESENCE_RULE, host.now()),
        pending: null,
        limited: false,
      };
      connection.setState(state);
      // Rooms that skipped this person while no tab was open forward again before the tab is
      // greeted: it catches up on what they skipped only after `welcome` (lib/rooms/away.ts).
      await away.resume();
      connection.send({ type: 'welcome', v: PROTOCOL_VERSION, userId: identity.userId });
      await Promise.all([
        reconcile(),
        sendSnapshot(connection, identity.contacts),
        reportSockets(),
      ]);
    },

    async onMessage(sender, data) {
      const frame = readFrame(clientFrameSchema, data, sender);
      if (frame) await onFrame(sender, frame);
    },

    async onClose(connection) {
      await Promise.all([reconcile(connection), reportSockets(connection)]);
    },

    async onRequest(request) {
      const denied = requireSecret(request, host.partySecret);
      if (denied) return denied;
      if (request.path === PRESENCE_PATH) {
        if (request.method === 'GET') return ok(await current());
        if (request.method !== 'POST') return fail(405, 'method_not_allowed', 'use GET or POST');
        const body = readBody(request, presenceUserSchema);
        return body.ok ? ok({ delivered: deliver(body.data) }) : body.response;
      }
      if (request.path !== '') return fail(404, 'not_found', 'no such endpoint');
      if (request.method === 'GET') return ok({ connections: [...host.connections()].length });
      if (request.method !== 'POST') return fail(405, 'method_not_allowed', 'use GET or POST');
      const body = readBody(request, forwardRequestSchema);
      if (!body.ok) return body.response;
      for (const event of body.data.events) host.broadcast({ type: 'event', event });
      // What went out, for the publisher's delivery count (parley_realtime_deliveries_total).
      const sockets = [...host.connections()].length;
      const skip = await away.note(body.data.from, body.data.tabs ?? []);
      return ok({
        delivered: body.data.events.length,
        sockets,
        deliveries: body.data.events.length * sockets,
        ...(skip === undefined ? {} : { away: skip }),
      });
    },
  };
}
