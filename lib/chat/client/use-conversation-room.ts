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
import { fetchRoomToken } from '@/lib/realtime/client/room-token';
import { useTypingStore } from '@/lib/chat/client/typing-store';

import type { TypingState } from '../typing';

/**
 * The open conversation's room: typing indicators in both directions. Durable events arrive on
 * the inbox connection; this one carries only live, lossy state. The token request doubles as
 * the membership check (non-members get 404 and no token).
 *
 * Being connected here is what "looking at the conversation" means to the notification rules
 * (the room's viewers), so the socket is open only while the tab is visible: a conversation left
 * open in a background tab still notifies.
 */
export function useConversationRoom(host: string, conversationId: string) {
  const socketRef = useRef<PartySocket | null>(null);
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
    const typing = useTypingStore.getState();
    const onMessage = (event: MessageEvent) => {
      const parsed = parseFrame(serverFrameSchema, event.data);
      if (parsed.ok && parsed.frame.type === 'typing')
        typing.set(conversationId, parsed.frame.userId, parsed.frame.state === 'start');
    };
    socket.addEventListener('message', onMessage);
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
      socket.close();
      socketRef.current = null;
    };
  }, [host, conversationId]);

  // Stable, so the composer's typing throttle is created once per conversation.
  const sendTyping = useCallback((state: TypingState) => {
    const socket = socketRef.current;
    if (socket?.readyState === WebSocket.OPEN) socket.send(encodeFrame({ type: 'typing', state }));
  }, []);
  return { sendTyping };
}
