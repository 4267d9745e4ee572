import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { actOnCallEndpoint, getCallEndpoint } from '@/lib/calls/endpoints';
import { ringTimeoutMs } from '@/lib/calls/server/config';
import { toCallWire } from '@/lib/calls/present';
import { acceptCall, declineCall, getCallFor, hangUpCall } from '@/lib/calls/server/service';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** One call, for members of its conversation. */
export const GET = handle(getCallEndpoint, async ({ user, params }) => {
  const call = await getCallFor(await getStore(), user, params.id);
  return json({ call: toCallWire(call, ringTimeoutMs()) });
});

const actions = { accept: acceptCall, decline: declineCall, hangup: hangUpCall };

/**
 * `{action: 'accept'}` answers (or joins a group call; 409 once it has ended), `decline` turns it
 * down, `hangup` leaves (or gives up ringing). Decline and hang-up are idempotent.
 */
export const POST = handle(actOnCallEndpoint, async ({ user, params, body }) => {
  const call = await actions[body.action](await getStore(), user, params.id);
  return json({ call: toCallWire(call, ringTimeoutMs()) });
});

export * from '@/lib/openapi/methods-not-taken';
