'use client';

import PartySocket from 'partysocket';
import { useEffect } from 'react';

import { apiFetch } from '@/lib/api/client';
import { useConnectionStore } from '@/lib/stores/connection-store';

import { dispatchFrame } from './dispatch';
import { parseFrame, serverFrameSchema } from './protocol';

type RoomToken = { token: string; host: string; party: string; roomId: string; expiresAt: string };

/**
 * Holds this tab's connection to the person's inbox room. partysocket reconnects with backoff and
 * calls `query` again on every attempt, so each connection gets a fresh short-lived room token.
 */
export function useInboxConnection({ host, userId }: { host: string; userId: string }) {
  useEffect(() => {
    const setStatus = useConnectionStore.getState().setStatus;
    let opened = false;
    const socket = new PartySocket({
      host,
      party: 'main',
      room: userId,
      query: async () => {
        const { token } = await apiFetch<RoomToken>('/api/v1/realtime/token', {
          method: 'POST',
          json: { room: 'inbox' },
        });
        return { token };
      },
    });
    const onMessage = (event: MessageEvent) => {
      const parsed = parseFrame(serverFrameSchema, event.data);
      if (parsed.ok) dispatchFrame(parsed.frame);
    };
    const onOpen = () => {
      opened = true;
      setStatus('open');
    };
    const onClose = () => setStatus(opened ? 'reconnecting' : 'connecting');
    socket.addEventListener('message', onMessage);
    socket.addEventListener('open', onOpen);
    socket.addEventListener('close', onClose);
    return () => {
      socket.removeEventListener('message', onMessage);
      socket.removeEventListener('open', onOpen);
      socket.removeEventListener('close', onClose);
      socket.close();
    };
  }, [host, userId]);
}
