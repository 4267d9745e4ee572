import type { PartyName, ServerFrame } from '../realtime/protocol';

/**
 * What a room program needs from whatever runs it. The programs in lib/rooms (inbox, conversation,
 * call) are written against this and nothing else: party/ adapts PartyKit's rooms to it, and
 * test/room-host.ts is an in-memory host for unit tests. A self-hosted server would be one more
 * adapter. Hosts that hibernate keep connection state and storage across it, so a program keeps
 * everything it must remember there; its own fields hold at most a copy of storage, read again
 * when the program is made again (after hibernation). Imports stay relative: PartyKit
 * bundles this folder too.
 */

/** One open socket. `userId` comes from the verified room token, never from the client. */
export type RoomConnection = {
  /** Chosen by the client (`_pk`) and reused on reconnect: never identity, never unique. */
  readonly id: string;
  readonly userId: string;
  /** What the program last stored with setState (parse it: it survived serialisation). */
  readonly state: unknown;
  setState(state: unknown): void;
  /** Sends one frame; a socket closed meanwhile is skipped, not an error. */
  send(frame: ServerFrame | string): void;
  close(code?: number, reason?: string): void;
};

/** Who a connecting socket is, from its room token (verified by the host before onConnect). */
export type ConnectIdentity = {
  userId: string;
  /** The inbox token's contacts (people whose presence the holder may see); [] elsewhere. */
  contacts: string[];
  /** When the token was minted (epoch seconds, the `iat` claim). */
  issuedAt: number;
};

export type RoomStorage = {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
};

/** One alarm per room: setting it again moves it. On PartyKit, onAlarm cannot use `id` or `request`. */
export type RoomAlarms = {
  set(at: number): Promise<void>;
  cancel(): Promise<void>;
};

/** A request from Next.js (or another room). `body` is the parsed JSON, or undefined. */
export type RoomRequest = {
  method: string;
  /** The part after `/parties/<party>/<room>`: '' for the room itself, or like '/presence'. */
  path: string;
  /** The `Authorization` header (`Bearer <server secret>`), checked by the program. */
  authorization: string | null;
  /** Parsed JSON body; `INVALID_JSON` when there was a body that is not JSON. */
  body: unknown;
  /** The caller's W3C `traceparent` header (Next.js publishing in a request or a job). */
  traceparent?: string | null;
};
export const INVALID_JSON = Symbol('invalid json');
export type RoomResponse = { status: number; body: unknown };

/** One JSON log line's fields besides level and message (trace_id when the work is traced). */
export type RoomLogFields = Record<string, string | number | boolean | null>;

export type RoomHost = {
  /** The room id (user id, conversation id or call id). */
  readonly id: string;
  /** Open connections; in onClose the closing one is no longer among them. */
  connections(): Iterable<RoomConnection>;
  /** Sends one frame to every open connection (encoded once). */
  broadcast(frame: ServerFrame): void;
  readonly storage: RoomStorage;
  readonly alarms: RoomAlarms;
  /** The server secret Next.js and rooms present to each other. */
  readonly partySecret: string;
  /**
   * Calls another room of the project with the server secret. Resolves to the answer's parsed
   * JSON, or null when the room did not answer 2xx in time (the caller carries on).
   */
  request(
    to: { party: PartyName; roomId: string; path?: `/${string}` },
    init: ({ method: 'GET' } | { method: 'POST'; body: unknown }) & { traceparent?: string },
  ): Promise<{ body: unknown } | null>;
  /** Writes one JSON log line (PartyKit: the console, which `partykit tail` and dev show). */
  log(level: 'info' | 'warn' | 'error', msg: string, fields: RoomLogFields): void;
  now(): number;
};

/** A room program: the host calls these; the program never sees the host's own types. */
export type RoomProgram = {
  onConnect(connection: RoomConnection, identity: ConnectIdentity): void | Promise<void>;
  onMessage(connection: RoomConnection, data: unknown): void | Promise<void>;
  /** The socket closed or failed; it is no longer among host.connections(). */
  onClose(connection: RoomConnection): void | Promise<void>;
  onRequest(request: RoomRequest): Promise<RoomResponse>;
  onAlarm?(): Promise<void>;
};
