import { serverFrameSchema, type PartyName, type ServerFrame } from '@/lib/realtime/protocol';
import { callRoom } from '@/lib/rooms/call';
import { conversationRoom } from '@/lib/rooms/conversation';
import type {
  ConnectIdentity,
  RoomConnection,
  RoomHost,
  RoomProgram,
  RoomResponse,
} from '@/lib/rooms/host';
import { mainRoom } from '@/lib/rooms/main';

/**
 * An in-memory host for the room programs in lib/rooms: every room of every party in one
 * process, with a clock the test moves, storage in Maps, alarms fired by the test, and
 * room-to-room requests routed straight to the target program. Frames sent to a connection are
 * parsed with the protocol's schema and kept in order, so tests read what a client would.
 */

export const WORLD_SECRET = 'in-memory-party-secret';

const programs: Record<PartyName, (host: RoomHost) => RoomProgram> = {
  main: mainRoom,
  conversation: conversationRoom,
  call: callRoom,
};

export type FakeConnection = RoomConnection & {
  /** Frames received and not yet taken. */
  frames: ServerFrame[];
  /** Takes every frame received so far. */
  take(): ServerFrame[];
  closed: { code: number | undefined; reason: string | undefined } | null;
  /** Sends a client frame (any value: it is JSON-encoded) and waits for the room to handle it. */
  receive(frame: unknown): Promise<void>;
  /** The client closes the socket. */
  disconnect(): Promise<void>;
};

type FakeRoom = {
  program: RoomProgram;
  host: RoomHost;
  connections: FakeConnection[];
  storage: Map<string, unknown>;
  /** How many times the program read its storage (a publish on the hot path should not). */
  storageReads: number;
  alarm: number | null;
};

export function createRoomWorld() {
  let now = 1_700_000_000_000;
  const rooms = new Map<string, FakeRoom>();
  /** Every room-to-room request, for tests of forwarding. */
  const requests: {
    from: string;
    party: PartyName;
    roomId: string;
    path: string;
    body: unknown;
    traceparent: string | undefined;
  }[] = [];
  /** Every JSON log line the rooms wrote, with the room that wrote it. */
  const logs: { room: string; level: string; msg: string; fields: Record<string, unknown> }[] = [];
  /** Rooms that do not answer (as if down): requests to them resolve to null. */
  const down = new Set<string>();

  const room = (party: PartyName, roomId: string): FakeRoom => {
    const key = `${party}/${roomId}`;
    const existing = rooms.get(key);
    if (existing) return existing;
    const connections: FakeConnection[] = [];
    const storage = new Map<string, unknown>();
    const host: RoomHost = {
      id: roomId,
      connections: () => [...connections],
      broadcast: (frame) => {
        for (const connection of [...connections]) connection.send(frame);
      },
      storage: {
        // structuredClone: what a real storage returns is a copy, never the object put.
        get: async (k) => {
          created.storageReads++;
          return structuredClone(storage.get(k));
        },
        put: async (k, v) => void storage.set(k, structuredClone(v)),
        delete: async (k) => void storage.delete(k),
      },
      alarms: {
        set: async (at) => void (created.alarm = at),
        cancel: async () => void (created.alarm = null),
      },
      partySecret: WORLD_SECRET,
      request: async (to, init) => {
        requests.push({
          from: key,
          party: to.party,
          roomId: to.roomId,
          path: to.path ?? '',
          body: init.method === 'POST' ? init.body : undefined,
          traceparent: init.traceparent,
        });
        if (down.has(`${to.party}/${to.roomId}`)) return null;
        const answer = await call(to.party, to.roomId, {
          method: init.method,
          path: to.path ?? '',
          body: init.method === 'POST' ? structuredClone(init.body) : undefined,
          traceparent: init.traceparent ?? null,
        });
        return answer.status < 300 ? { body: answer.body } : null;
      },
      log: (level, msg, fields) => void logs.push({ room: key, level, msg, fields }),
      now: () => now,
    };
    const created: FakeRoom = {
      connections,
      storage,
      storageReads: 0,
      alarm: null,
      host,
      program: programs[party](host),
    };
    rooms.set(key, created);
    return created;
  };

  const call = (
    party: PartyName,
    roomId: string,
    req: {
      method: string;
      path?: string;
      body?: unknown;
      secret?: string | null;
      traceparent?: string | null;
    },
  ): Promise<RoomResponse> => {
    const secret = req.secret === undefined ? WORLD_SECRET : req.secret;
    return room(party, roomId).program.onRequest({
      method: req.method,
      path: req.path ?? '',
      authorization: secret === null ? null : `Bearer ${secret}`,
      body: req.body,
      traceparent: req.traceparent ?? null,
    });
  };

  let nextId = 0;
  const connect = async (
    party: PartyName,
    roomId: string,
    identity: Partial<ConnectIdentity> & { userId: string },
    /** The client's `_pk`: a tab's sockets share one (lib/realtime/client/tab-id.ts). */
    options: { id?: string } = {},
  ): Promise<FakeConnection> => {
    const target = room(party, roomId);
    let state: unknown = null;
    const connection: FakeConnection = {
      id: options.id ?? `c${++nextId}`,
      userId: identity.userId,
      get state() {
        return state;
      },
      setState: (next) => {
        state = structuredClone(next);
      },
      frames: [],
      take: () => connection.frames.splice(0),
      closed: null,
      send: (frame) => {
        if (connection.closed) return;
        const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
        connection.frames.push(serverFrameSchema.parse(JSON.parse(text)));
      },
      close: (code, reason) => {
        if (connection.closed) return;
        connection.closed = { code, reason };
        const index = target.connections.indexOf(connection);
        if (index >= 0) target.connections.splice(index, 1);
        void target.program.onClose(connection);
      },
      receive: async (frame) => {
        if (!connection.closed) await target.program.onMessage(connection, JSON.stringify(frame));
      },
      disconnect: async () => {
        if (connection.closed) return;
        connection.closed = { code: 1000, reason: 'client' };
        const index = target.connections.indexOf(connection);
        if (index >= 0) target.connections.splice(index, 1);
        await target.program.onClose(connection);
      },
    };
    target.connections.push(connection);
    await target.program.onConnect(connection, {
      contacts: [],
      issuedAt: Math.floor(now / 1000),
      ...identity,
    });
    return connection;
  };

  return {
    connect,
    call,
    requests,
    logs,
    down,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    storage: (party: PartyName, roomId: string) => room(party, roomId).storage,
    storageReads: (party: PartyName, roomId: string) => room(party, roomId).storageReads,
    /**
     * Hibernation: the program is thrown away and made again; only connection states and
     * storage remain, as on PartyKit. Whatever a program kept in its closure is gone.
     */
    hibernate: (party: PartyName, roomId: string) => {
      const target = room(party, roomId);
      target.program = programs[party](target.host);
    },
    alarmAt: (party: PartyName, roomId: string) => room(party, roomId).alarm,
    /** Fires a room's alarm if it is due (the host clears it first, as PartyKit does). */
    fireAlarm: async (party: PartyName, roomId: string) => {
      const target = room(party, roomId);
      if (target.alarm === null || target.alarm > now) return false;
      target.alarm = null;
      await target.program.onAlarm?.();
      return true;
    },
  };
}

export type RoomWorld = ReturnType<typeof createRoomWorld>;
