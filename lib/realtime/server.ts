import 'server-only';

import { env, requireSecret } from '@/lib/env';
import { log } from '@/lib/log';

import type { PartyName, RoomEvent } from './protocol';

/** http for local `partykit dev`, https for PartyKit cloud. */
export function partyBaseUrl(host = env.PARTYKIT_HOST): string {
  const local = /^(localhost|127\.|0\.0\.0\.0|\[::1\])/.test(host);
  return `${local ? 'http' : 'https'}://${host}`;
}

/** Counts publishes that failed, for the health page and tests; clients recover by resync. */
export const publishStats = { ok: 0, failed: 0 };

/**
 * Publishes events to a room after the store was written. A failed publish is logged and counted,
 * never thrown: the write already happened and receivers catch up through `after=<seq>`.
 */
export async function publish(opts: {
  party: PartyName;
  room: string;
  events: RoomEvent[];
}): Promise<boolean> {
  const url = `${partyBaseUrl()}/parties/${opts.party}/${encodeURIComponent(opts.room)}`;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${requireSecret('PARTY_SECRET')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ events: opts.events }),
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) throw new Error(`room answered ${res.status}`);
    publishStats.ok++;
    return true;
  } catch (err) {
    publishStats.failed++;
    log.warn(
      { err, party: opts.party, room: opts.room, types: opts.events.map((e) => e.type) },
      'realtime publish failed',
    );
    return false;
  }
}

/** Liveness of the PartyKit server, for the health route. */
export async function pingRealtime(timeoutMs = 2000): Promise<void> {
  const res = await fetch(`${partyBaseUrl()}/health`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`PartyKit answered ${res.status}`);
}
