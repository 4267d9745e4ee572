import 'client-only';

import PartySocket from 'partysocket';

import {
  CALL_CLOSE_CODES,
  encodeFrame,
  parseFrame,
  serverFrameSchema,
  type CallClientFrame,
  type ServerFrame,
} from '@/lib/realtime/protocol';

import { callsApi } from './api';
import type { SignalData } from '../perfect-negotiation';

/** This tab's connection to one call's room: signalling, who is in, media state. */
export type CallRoom = {
  send: (frame: CallClientFrame) => void;
  close: () => void;
};

/**
 * Joins the call room and keeps rejoining after a network drop, except where the room would refuse
 * again (full, replaced by a newer tab, ended). Frames arrive validated.
 */
export function openCallRoom({
  host,
  callId,
  onOpen,
  onDown,
  onFrame,
}: {
  host: string;
  callId: string;
  onOpen: () => void;
  onDown: () => void;
  onFrame: (frame: ServerFrame) => void;
}): CallRoom {
  const socket = new PartySocket({
    host,
    party: 'call',
    room: callId,
    query: async () => ({ token: await callsApi.roomToken(callId) }),
    // A call is live: come back quickly after a network drop.
    minReconnectionDelay: 500,
    maxReconnectionDelay: 5000,
    shouldReconnectOnClose: (event) =>
      event.code !== CALL_CLOSE_CODES.full &&
      event.code !== CALL_CLOSE_CODES.replaced &&
      event.code !== CALL_CLOSE_CODES.ended,
  });
  let closed = false;
  // Back online: reconnect now rather than after the backoff.
  const onOnline = () => {
    if (socket.readyState !== WebSocket.OPEN) socket.reconnect();
  };
  window.addEventListener('online', onOnline);
  socket.addEventListener('open', () => !closed && onOpen());
  socket.addEventListener('close', () => !closed && onDown());
  socket.addEventListener('message', (event: MessageEvent) => {
    const parsed = parseFrame(serverFrameSchema, event.data);
    if (parsed.ok && !closed) onFrame(parsed.frame);
  });
  return {
    send: (frame) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(encodeFrame(frame));
    },
    close: () => {
      closed = true;
      window.removeEventListener('online', onOnline);
      socket.close();
    },
  };
}

/** The frame relaying one negotiation message to a peer; null for what has nothing to relay. */
export function signalFrame(to: string, data: SignalData): CallClientFrame | null {
  if (!('candidate' in data)) return { type: 'signal', to, data };
  // A candidate without its line (never sent by browsers) has nothing to relay.
  const { candidate, ...rest } = data.candidate;
  return candidate === undefined
    ? null
    : { type: 'signal', to, data: { candidate: { ...rest, candidate } } };
}
