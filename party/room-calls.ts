import type * as Party from 'partykit/server';

import type { PartyName } from '../lib/realtime/protocol';
import { envString } from './auth';

/** A room that does not answer within this long counts as failed; the caller carries on. */
const CALL_TIMEOUT_MS = 3000;
/** Room-to-room calls in flight at once from one fan-out, to keep a room's work bounded. */
const FAN_OUT_CONCURRENCY = 32;

/**
 * Calls another room of this project (room-to-room, inside PartyKit) with the server secret.
 * The call goes straight to the target room's onRequest (its onBeforeRequest does not run),
 * which is why rooms check the secret again there. Resolves to null on any failure.
 */
export async function callRoom(
  from: Party.Room,
  to: { party: PartyName; roomId: string; path?: '/' | `/${string}` },
  init: { method: 'GET' } | { method: 'POST'; body: unknown },
): Promise<Response | null> {
  const target = from.context.parties[to.party];
  if (!target) return null;
  const stub = target.get(to.roomId);
  const request: RequestInit = {
    method: init.method,
    headers: {
      authorization: `Bearer ${envString(from.env, 'PARTY_SECRET')}`,
      'content-type': 'application/json',
    },
    ...(init.method === 'POST' ? { body: JSON.stringify(init.body) } : {}),
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), CALL_TIMEOUT_MS);
    });
    const call = to.path && to.path !== '/' ? stub.fetch(to.path, request) : stub.fetch(request);
    const res = await Promise.race([call, timeout]);
    return res && res.ok ? res : null;
  } catch (error) {
    console.warn('room call failed', to.party, to.roomId, to.path ?? '/', error);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `fn` over `items` with at most FAN_OUT_CONCURRENCY calls at once; keeps input order. */
export async function fanOut<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const queue = items.map((item, index) => ({ item, index }));
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      results[job.index] = await fn(job.item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FAN_OUT_CONCURRENCY, items.length) }, worker));
  return results;
}
