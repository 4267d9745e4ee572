'use client';

import 'client-only';
import PartySocket from 'partysocket';
import { useEffect } from 'react';

import { catchUpAll } from '@/lib/chat/client/sync';
import { useConnectionStore } from '@/lib/realtime/client/connection-store';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';

import { dispatchFrame } from './dispatch';
import { encodeFrame, parseFrame, serverFrameSchema } from '../protocol';
import { fetchRoomToken, forgetRoomToken, roomTokenOpened } from './room-token';
import { tabId } from './tab-id';

/** A tab hidden this long counts as away. */
export const AWAY_AFTER_MS = 5 * 60_000;
/** A reconnect still not through after this long is reported as "can't connect". */
export const UNREACHABLE_AFTER_MS = 10_000;

/**
 * Holds this tab's connection to the person's inbox room. partysocket reconnects with backoff and
 * calls `query` again on every attempt; a token whose connection opened is reused until shortly
 * before it expires (it also carries the list of contacts whose presence this tab may see, as of
 * when it was minted).
 */
export function useInboxConnection({ host, userId }: { host: string; userId: string }) {
  useEffect(() => {
    const setStatus = useConnectionStore.getState().setStatus;
    let opened = false;
    const socket = new PartySocket({
      host,
      party: 'main',
      room: userId,
      id: tabId(),
      query: async () => ({ token: await fetchRoomToken({ room: 'inbox' }) }),
    });
    const onMessage = (event: MessageEvent) => {
      const parsed = parseFrame(serverFrameSchema, event.data);
      if (!parsed.ok) return;
      if (parsed.frame.type === 'welcome') onLive();
      else dispatchFrame(parsed.frame, userId);
    };
    let awayTimer: ReturnType<typeof setTimeout> | undefined;
    const sendPresence = () => {
      const hidden = document.visibilityState === 'hidden';
      clearTimeout(awayTimer);
      if (!hidden) socket.send(encodeFrame({ type: 'presence.set', state: 'active' }));
      else
        awayTimer = setTimeout(
          () => socket.send(encodeFrame({ type: 'presence.set', state: 'away' })),
          AWAY_AFTER_MS,
        );
    };
    const onVisibility = () => {
      sendPresence();
      // A tab waking from sleep may have missed events while its socket was frozen.
      if (document.visibilityState === 'visible') catchUpAll();
    };
    const onOpen = () => roomTokenOpened({ room: 'inbox' });
    // The room greets a tab once every conversation room that skipped this person while no tab
    // was open forwards again (lib/rooms/away.ts): only then is catching up over HTTP complete,
    // so the conversation list loads (status 'open') and a reconnect catches up by seq here.
    const onLive = () => {
      if (opened) catchUpAll();
      opened = true;
      clearTimeout(unreachableTimer);
      setStatus('open');
      sendPresence();
    };
    let unreachableTimer: ReturnType<typeof setTimeout> | undefined;
    const markUnreachableLater = () => {
      clearTimeout(unreachableTimer);
      unreachableTimer = setTimeout(() => {
        if (useConnectionStore.getState().status !== 'open') setStatus('unreachable');
      }, UNREACHABLE_AFTER_MS);
    };
    // An attempt that fails before the first open (a refused or blocked socket, a token the
    // server will not give) means live updates are not arriving at all: say so at once. After a
    // drop, "Reconnecting…" first, and "can't connect" once retries have gone on for a while.
    const onFailure = () => {
      const status = useConnectionStore.getState().status;
      if (!opened) setStatus('unreachable');
      else if (status === 'open') {
        setStatus('reconnecting');
        markUnreachableLater();
      }
    };
    // A first attempt that hangs (no answer, no error) counts too.
    markUnreachableLater();
    // The browser knows about a lost network before the socket does (a socket can look open
    // while nothing gets through): drop it and say so; once back online, connect at once rather
    // than after the backoff, and catch up on what was missed (onLive).
    const onOffline = () => {
      if (opened) {
        setStatus('reconnecting');
        markUnreachableLater();
      } else setStatus('unreachable');
      socket.close();
    };
    const onOnline = () => socket.reconnect();
    socket.addEventListener('message', onMessage);
    socket.addEventListener('open', onOpen);
    socket.addEventListener('close', onFailure);
    socket.addEventListener('error', onFailure);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    // New conversations bring new contacts: reconnect so the fresh token lists them.
    const unsubscribe = useConversationsStore.subscribe((s, prev) => {
      if (Object.keys(s.byId).length > Object.keys(prev.byId).length && prev.loaded) {
        forgetRoomToken({ room: 'inbox' });
        socket.reconnect();
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(awayTimer);
      clearTimeout(unreachableTimer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      socket.removeEventListener('message', onMessage);
      socket.removeEventListener('open', onOpen);
      socket.removeEventListener('close', onFailure);
      socket.removeEventListener('error', onFailure);
      socket.close();
    };
  }, [host, userId]);
}
