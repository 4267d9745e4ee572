'use client';

import PartySocket from 'partysocket';
import { useCallback, useEffect, useRef } from 'react';

import { apiFetch } from '@/lib/api/client';
import { encodeFrame, parseFrame, serverFrameSchema } from '@/lib/realtime/protocol';
import { useTypingStore } from '@/lib/stores/typing-store';

import type { TypingState } from './typing';

/**
 * The open conversation's room: typing indicators in both directions. Durable events arrive on
 * the inbox connection; this one carries only live, lossy state. The token request doubles as
 * the membership check (non-members get 404 and no token).
 */
export function useConversationRoom(host: string, conversationId: string) {
  const socketRef = useRef<PartySocket | null>(null);
  useEffect(() => {
    const socket = new PartySocket({
      host,
      party: 'conversation',
      room: conversationId,
      query: async () => {
        const { token } = await apiFetch<{ token: string }>('/api/v1/realtime/token', {
          method: 'POST',
          json: { room: 'conversation', conversationId },
        });
        return { token };
      },
    });
    socketRef.current = socket;
    const typing = useTypingStore.getState();
    const onMessage = (event: MessageEvent) => {
      const parsed = parseFrame(serverFrameSchema, event.data);
      if (parsed.ok && parsed.frame.type === 'typing')
        typing.set(conversationId, parsed.frame.userId, parsed.frame.state === 'start');
    };
    socket.addEventListener('message', onMessage);
    const prune = setInterval(() => useTypingStore.getState().prune(), 1000);
    return () => {
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
