'use client';

import 'client-only';
import { callEndpoint } from '@/lib/api/client';
import { fetchRoomToken } from '@/lib/realtime/client/room-token';

import {
  actOnCallEndpoint,
  getIceServersEndpoint,
  getLiveCallEndpoint,
  startCallEndpoint,
} from '../endpoints';
import type { CallAction, CallWire } from '../wire';

type CallKind = CallWire['kind'];

/** The browser's calls to the calls API, parsed with the schemas the server answers with. */
export const callsApi = {
  /** Starts a call, or joins the conversation's live one (then `call.startedBy` is someone else). */
  start: async (conversationId: string, kind: CallKind): Promise<CallWire> =>
    (await callEndpoint(startCallEndpoint, { params: { id: conversationId }, body: { kind } }))
      .call,

  live: async (conversationId: string): Promise<CallWire | null> =>
    (await callEndpoint(getLiveCallEndpoint, { params: { id: conversationId } })).call,

  act: async (callId: string, action: CallAction): Promise<CallWire> =>
    (await callEndpoint(actOnCallEndpoint, { params: { id: callId }, body: { action } })).call,

  iceServers: async (): Promise<RTCIceServer[]> =>
    (await callEndpoint(getIceServersEndpoint)).iceServers,

  /** A room token for the call's room (members only, while the call is live). */
  roomToken: (callId: string): Promise<string> => fetchRoomToken({ room: 'call', callId }),

  /** Hang-up that survives the page closing (pagehide): keepalive, and nobody to tell. */
  hangUpOnExit: (callId: string): void => {
    callEndpoint(
      actOnCallEndpoint,
      { params: { id: callId }, body: { action: 'hangup' } },
      { keepalive: true },
    ).catch(() => {});
  },
};
