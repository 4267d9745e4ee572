'use client';

import 'client-only';
import PartySocket from 'partysocket';
import { useCallback, useEffect, useRef } from 'react';

import {
  CONVERSATION_CLOSE_CODES,
  encodeFrame,
  parseFrame,
  serverFrameSchema,
} from '@/lib/realtime/protocol';
import { dispatchFrame } from '@/lib/realtime/client/dispatch';
import { fetchRoomToken, roomTokenOpened } from '@/lib/realtime/client/room-token';
import { tabId } from '@/lib/realtime/client/tab-id';
import { useTypingStore } from '@/lib/chat/client/typing-store';

import { createReadRelay, type ReadRelay } from './read-relay';

import type { TypingState } from '../typing';

/** How long a leaving tab waits for the room's `left` before closing anyway. */
const LEAVE_TIMEOUT_MS = 2_000;

/**
 * The open conversation's room: typing indicators and live read receipts in both directions.
 * Durable events arrive on the inbox connection, or here while every tab of this person is looking
 * at this conversation (the room then skips their inbox: lib/rooms/away.ts); so leaving sends
 * `leave` and closes only after the room's `left`, having read every event sent before it. A read
 * position sent here is written later through the API (lib/chat/read-marks.ts). The token
 * request doubles as the membership check (non-members get 404 and no token).
 *
 * Being connected here is what "looking at the conversation" means to the notification rules
 * (the room's viewers), so the socket is open only while the tab is visible: a conversation left
 * open in a background tab still notifies.
 */
export function useConversationRoom(host: string, conversationId: string, meId: string) {
  const socketRef = useRef<PartySocket | null>(null);
  const relayRef = useRef<ReadRelay | null>(null);
  useEffect(() => {
    const socket = new PartySocket({
      host,
      party: 'conversation',
      room: conversationId,
      id: tabId(),
      startClosed: document.visibilityState === 'hidden',
      // Removed from the conversation: a new token would be refused (404) anyway.
      shouldReconnectOnClose: (event) => event.code !== CONVERSATION_CLOSE_CODES.removed,
      query: async () => ({
        token: await fetchRoomToken({ room: 'conversation', conversationId }),
      }),
    });
    socketRef.current = socket;
    const relay = createReadRelay({
      send: (seq) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(encodeFrame({ type: 'read', seq }));
      },
    });
    relayRef.current = relay;
    const typing = useTypingStore.getState();
    let leaving: ReturnType<typeof setTimeout> | undefined;
    let onLeft = () => {};
    const onMessage = (event: MessageEvent) => {
      const parsed = parseFrame(serverFrameSchema, event.data);
      if (!parsed.ok) return;
      const { frame } = parsed;
      if (frame.type === 'typing')
        typing.set(conversationId, frame.userId, frame.state === 'start');
      else if (frame.type === 'left') onLeft();
      // Live receipts from others looking, and this conversation's events while the room skips
      // my inbox: applied like the inbox's (idempotent by seq, max-merged reads).
      else if (frame.type === 'event') dispatchFrame(frame, meId);
    };
    socket.addEventListener('message', onMessage);
    const onOpen = () => roomTokenOpened({ room: 'conversation', conversationId });
    socket.addEventListener('open', onOpen);
    /** Forgets a `leave` waiting for its `left`. */
    const stopWaiting = () => {
      clearTimeout(leaving);
      leaving = undefined;
      onLeft = () => {};
    };
    /** Stops looking: `leave`, then close once the room has sent everything (or after a while). */
    const leave = (then: () => void = () => {}) => {
      const done = () => {
        stopWaiting();
        socket.close();
        then();
      };
      if (socket.readyState !== WebSocket.OPEN) return done();
      onLeft = done;
      socket.send(encodeFrame({ type: 'leave' }));
      leaving = setTimeout(done, LEAVE_TIMEOUT_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
      else if (leaving !== undefined) {
        // Back before the room answered: this connection no longer counts, so open a new one.
        stopWaiting();
        socket.reconnect();
      } else if (socket.readyState !== WebSocket.OPEN) socket.reconnect();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const prune = setInterval(() => useTypingStore.getState().prune(), 1000);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(prune);
      socket.removeEventListener('open', onOpen);
      relay.cancel();
      relayRef.current = null;
      socketRef.current = null;
      leave(() => socket.removeEventListener('message', onMessage));
    };
  }, [host, conversationId, meId]);

  // Stable, so the composer's typing throttle is created once per conversation.
  const sendTyping = useCallback((state: TypingState) => {
    const socket = socketRef.current;
    if (socket?.readyState === WebSocket.OPEN) socket.send(encodeFrame({ type: 'typing', state }));
  }, []);
  /**
   * Announces a read position to the others looking, paced so the room never drops the last one
   * (read-relay.ts); false when the socket is not open.
   */
  const sendRead = useCallback((seq: number): boolean => {
    if (socketRef.current?.readyState !== WebSocket.OPEN) return false;
    relayRef.current?.announce(seq);
    return true;
  }, []);
  return { sendTyping, sendRead };
}
