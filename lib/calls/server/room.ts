import 'server-only';

import { z } from 'zod';

import { requireSecret } from '@/lib/env';
import { log } from '@/lib/log';
import { partyBaseUrl } from '@/lib/realtime/server/publish';

/** What the call room (party/call.ts) answers to `GET /parties/call/<callId>`. */
export const callRoomPresenceSchema = z.object({
  /** Distinct people connected now. */
  participants: z.array(z.string()),
  /** When the last connection left (epoch ms), or null if nobody has left yet. */
  lastLeftAt: z.number().int().nullable(),
});
export type CallRoomPresence = z.infer<typeof callRoomPresenceSchema>;

/** Who is in the call room right now. Never throws: null when the room cannot be asked. */
export async function getCallRoomPresence(callId: string): Promise<CallRoomPresence | null> {
  try {
    const res = await fetch(`${partyBaseUrl()}/parties/call/${encodeURIComponent(callId)}`, {
      headers: {
        authorization: `Bearer ${requireSecret('PARTY_SECRET')}`,
        // A few bytes of JSON: not worth a gzip stream at both ends.
        'accept-encoding': 'identity',
      },
      signal: AbortSignal.timeout(2000),
    });
    if (!res.ok) throw new Error(`room answered ${res.status}`);
    return callRoomPresenceSchema.parse(await res.json());
  } catch (err) {
    log.warn({ err, callId }, 'call room presence lookup failed');
    return null;
  }
}
