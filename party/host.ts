import type * as Party from 'partykit/server';
import { z } from 'zod';

import { encodeFrame, type PartyName, type ServerFrame } from '../lib/realtime/protocol';
import type { RoomConnection, RoomHost, RoomLogFields } from '../lib/rooms/host';
import { envString } from './auth';

/** A room that does not answer within this long counts as failed; the caller carries on. */
const CALL_TIMEOUT_MS = 3000;

/**
 * What a PartyKit connection keeps (setState, so it survives hibernation): the verified user id,
 * set once at connect, and the program's own state beside it, so a program cannot lose or forge
 * the identity.
 */
const storedSchema = z.object({ u: z.string(), s: z.unknown() });

/** One wrapper per socket, so programs may compare connections by object. */
const wrappers = new WeakMap<Party.Connection, RoomConnection>();

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // The socket closed meanwhile; its onClose does the bookkeeping.
  }
}

/** The RoomConnection of a socket whose identity was set in onConnect, or null. */
export function roomConnection(connection: Party.Connection): RoomConnection | null {
  const known = wrappers.get(connection);
  if (known) return known;
  const stored = storedSchema.safeParse(connection.state);
  if (!stored.success) return null;
  const userId = stored.data.u;
  const wrapper: RoomConnection = {
    id: connection.id,
    userId,
    get state() {
      const current = storedSchema.safeParse(connection.state);
      return current.success ? current.data.s : null;
    },
    setState: (state) => safely(() => connection.setState({ u: userId, s: state })),
    send: (frame) =>
      safely(() => connection.send(typeof frame === 'string' ? frame : encodeFrame(frame))),
    close: (code, reason) => safely(() => connection.close(code, reason)),
  };
  wrappers.set(connection, wrapper);
  return wrapper;
}

/** Gives a new socket its verified identity; the program's state starts empty. */
export function identify(connection: Party.Connection, userId: string): RoomConnection | null {
  connection.setState({ u: userId, s: null });
  return roomConnection(connection);
}

/**
 * Calls another room of this project with the server secret. The call goes straight to the
 * target room's onRequest (its onBeforeRequest does not run), which is why programs check the
 * secret again. Resolves to null on any failure.
 */
async function callRoom(
  from: Party.Room,
  to: { party: PartyName; roomId: string; path?: `/${string}` },
  init: ({ method: 'GET' } | { method: 'POST'; body: unknown }) & { traceparent?: string },
): Promise<{ body: unknown } | null> {
  const target = from.context.parties[to.party];
  if (!target) return null;
  const stub = target.get(to.roomId);
  const request: RequestInit = {
    method: init.method,
    headers: {
      authorization: `Bearer ${envString(from.env, 'PARTY_SECRET')}`,
      'content-type': 'application/json',
      ...(init.traceparent ? { traceparent: init.traceparent } : {}),
    },
    ...(init.method === 'POST' ? { body: JSON.stringify(init.body) } : {}),
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), CALL_TIMEOUT_MS);
    });
    const call = to.path ? stub.fetch(to.path, request) : stub.fetch(request);
    const res = await Promise.race([call, timeout]);
    if (!res?.ok) return null;
    return { body: await res.json().catch(() => null) };
  } catch (error) {
    writeLog('warn', 'room call failed', {
      party: to.party,
      room: to.roomId,
      path: to.path ?? '',
      error: error instanceof Error ? error.message : String(error),
      ...traceFields(init.traceparent),
    });
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The trace id of a `traceparent`, as the log field every Parley log line names it. */
function traceFields(traceparent: string | undefined): RoomLogFields {
  const traceId = traceparent?.split('-')[1];
  return traceId ? { trace_id: traceId } : {};
}

/** One JSON line on the console, shaped like the Node server's pino lines (service, level, time). */
export function writeLog(level: 'info' | 'warn' | 'error', msg: string, fields: RoomLogFields) {
  const line = JSON.stringify({
    level,
    time: new Date().toISOString(),
    service: 'parley-rooms',
    msg,
    ...fields,
  });
  if (level === 'info') console.log(line);
  else if (level === 'warn') console.warn(line);
  else console.error(line);
}

/**
 * Whether the room's LOG_LEVEL (a var, like the server's) leaves out info lines. The default is
 * info: one line per publish. `warn` (or quieter) keeps warnings and errors only.
 */
export function quietInfo(env: Record<string, unknown>): boolean {
  const level = env.LOG_LEVEL;
  return typeof level === 'string' && ['warn', 'error', 'fatal', 'silent'].includes(level);
}

/** PartyKit's room as a RoomHost. `id` is read lazily: PartyKit forbids it inside onAlarm. */
export function partyHost(room: Party.Room): RoomHost {
  return {
    get id() {
      return room.id;
    },
    *connections() {
      for (const connection of room.getConnections()) {
        const wrapped = roomConnection(connection);
        if (wrapped) yield wrapped;
      }
    },
    broadcast(frame: ServerFrame) {
      const encoded = encodeFrame(frame);
      for (const connection of this.connections()) connection.send(encoded);
    },
    storage: {
      get: (key) => room.storage.get(key),
      put: (key, value) => room.storage.put(key, value),
      delete: async (key) => {
        await room.storage.delete(key);
      },
    },
    alarms: {
      set: (at) => room.storage.setAlarm(at),
      cancel: () => room.storage.deleteAlarm(),
    },
    get partySecret() {
      return envString(room.env, 'PARTY_SECRET');
    },
    request: (to, init) => callRoom(room, to, init),
    log: (level, msg, fields) => {
      if (level !== 'info' || !quietInfo(room.env)) writeLog(level, msg, fields);
    },
    now: () => Date.now(),
  };
}
