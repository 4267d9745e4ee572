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
import { fetchRoomToken, roomTokenOpened } from '@/lib/realtime/client/room-token';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { useTypingStore } from '@/lib/chat/client/typing-store';

import { createReadRelay, type ReadRelay } from './read-relay';

import type { TypingState } from '../typing';

/**
 * The open conversation's room: typing indicators and live read receipts in both directions.
 * Durable events arrive on the inbox connection; this one carries only live, lossy state (a read
 * position sent here is written later through the API: lib/chat/read-marks.ts). The token
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
    const onMessage = (event: MessageEvent) => {
      const parsed = parseFrame(serverFrameSchema, event.data);
      if (!parsed.ok) return;
      const { frame } = parsed;
      if (frame.type === 'typing')
        typing.set(conversationId, frame.userId, frame.state === 'start');
      // A live receipt from someone looking (or another tab of mine); max-merged like the inbox's.
      else if (frame.type === 'event' && frame.event.type === 'read.updated')
        useConversationsStore.getState().readMoved({ ...frame.event, meId });
    };
    socket.addEventListener('message', onMessage);
    const onOpen = () => roomTokenOpened({ room: 'conversation', conversationId });
    socket.addEventListener('open', onOpen);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') socket.close();
      else if (socket.readyState !== WebSocket.OPEN) socket.reconnect();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const prune = setInterval(() => useTypingStore.getState().prune(), 1000);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(prune);
      socket.removeEventListener('message', onMessage);
      socket.removeEventListener('open', onOpen);
      relay.cancel();
      relayRef.current = null;
      socket.close();
      socketRef.current = null;
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
