'use client';

import type { z } from 'zod';

import { ApiClientError, apiFetch } from '@/lib/api/client';

import { iceServersResponseSchema } from './ice-servers';
import { callResponseSchema, liveCallResponseSchema, type CallAction, type CallWire } from './wire';

type CallKind = CallWire['kind'];

async function parsed<T>(
  schema: z.ZodType<T>,
  path: string,
  init?: Parameters<typeof apiFetch>[1],
) {
  const result = schema.safeParse(await apiFetch<unknown>(path, init));
  if (!result.success)
    throw new ApiClientError(0, 'bad_response', 'Parley answered something unexpected.');
  return result.data;
}

/** The browser's calls to the calls API, parsed with the schemas the server answers with. */
export const callsApi = {
  /** Starts a call, or joins the conversation's live one (then `call.startedBy` is someone else). */
  start: async (conversationId: string, kind: CallKind): Promise<CallWire> =>
    (
      await parsed(callResponseSchema, `/api/v1/conversations/${conversationId}/calls`, {
        method: 'POST',
        json: { kind },
      })
    ).call,

  live: async (conversationId: string): Promise<CallWire | null> =>
    (await parsed(liveCallResponseSchema, `/api/v1/conversations/${conversationId}/calls`)).call,

  act: async (callId: string, action: CallAction): Promise<CallWire> =>
    (
      await parsed(callResponseSchema, `/api/v1/calls/${callId}`, {
        method: 'POST',
        json: { action },
      })
    ).call,

  iceServers: async (): Promise<RTCIceServer[]> =>
    (await parsed(iceServersResponseSchema, '/api/v1/calls/ice-servers')).iceServers,

  /** A room token for the call's room (members only, while the call is live). */
  roomToken: async (callId: string): Promise<string> =>
    (
      await apiFetch<{ token: string }>('/api/v1/realtime/token', {
        method: 'POST',
        json: { room: 'call', callId },
      })
    ).token,

  /** Hang-up that survives the page closing (pagehide). */
  hangUpOnExit: (callId: string): void => {
    void fetch(`/api/v1/calls/${callId}`, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'hangup' }),
    }).catch(() => {});
  },
};
