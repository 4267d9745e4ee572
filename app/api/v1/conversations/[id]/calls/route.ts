import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getLiveCallEndpoint, startCallEndpoint } from '@/lib/calls/endpoints';
import { ringTimeoutMs } from '@/lib/calls/server/config';
import { toCallWire } from '@/lib/calls/present';
import { getLiveCall, startCall } from '@/lib/calls/server/service';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** The conversation's ringing or active call (`call: null` when there is none): "Join call". */
export const GET = handle(getLiveCallEndpoint, async ({ user, params }) => {
  const call = await getLiveCall(await getStore(), user, params.id);
  return json({ call: call && toCallWire(call, ringTimeoutMs()) });
});

/**
 * Starts a call: 201 with the new ringing call. 200 with the call already live in the
 * conversation when there is one (two people calling at once, or joining a group call): the
 * caller has joined it.
 */
export const POST = handle(startCallEndpoint, async ({ user, params, body }) => {
  const { call, created } = await startCall(await getStore(), user, params.id, body);
  return json({ call: toCallWire(call, ringTimeoutMs()) }, created ? 201 : 200);
});

export * from '@/lib/openapi/methods-not-taken';
