import 'client-only';

import type { z } from 'zod';

import { callEndpoint } from '@/lib/api/client';

import { createRoomTokenEndpoint } from '../endpoints';
import type { roomTokenRequestSchema } from '../schemas';
import { createRoomTokenCache } from '../token-cache';

export type RoomTokenRequest = z.input<typeof roomTokenRequestSchema>;

const keyOf = (room: RoomTokenRequest) =>
  room.room === 'inbox'
    ? 'inbox'
    : room.room === 'conversation'
      ? `conversation:${room.conversationId}`
      : `call:${room.callId}`;

const requests = new Map<string, RoomTokenRequest>();
/** The cache keys of the conversations a token also opens (remembered to mint them alone later). */
const alsoKeys = (alsoOpens: readonly string[] = []) =>
  alsoOpens.map((conversationId) => {
    const room: RoomTokenRequest = { room: 'conversation', conversationId };
    const other = keyOf(room);
    requests.set(other, room);
    return other;
  });
const cache = createRoomTokenCache({
  mint: async (key) => {
    const answer = await callEndpoint(createRoomTokenEndpoint, { body: requests.get(key)! });
    return {
      token: answer.token,
      expiresAt: answer.expiresAt,
      alsoFor: alsoKeys(answer.alsoOpens),
    };
  },
});

/**
 * The inbox token the page came with (minted by the app's layout): the first connection uses it
 * instead of asking (#19). One that has expired meanwhile (a page restored later) is not kept.
 */
export function seedInboxToken(page: { token: string; expiresAt: string; alsoOpens?: string[] }) {
  requests.set('inbox', { room: 'inbox' });
  cache.seed('inbox', { ...page, alsoFor: alsoKeys(page.alsoOpens) });
}

/**
 * A room token for the inbox, a conversation or a call: what partysocket's `query` asks for on
 * every (re)connection. A token whose connection opened is reused until shortly before it
 * expires (lib/realtime/token-cache.ts); otherwise a fresh one is minted, and non-members get 404
 * and no token.
 */
export async function fetchRoomToken(room: RoomTokenRequest): Promise<string> {
  const key = keyOf(room);
  requests.set(key, room);
  return cache.get(key);
}

/** The socket made with the room's last token opened: that token may be reused. */
export function roomTokenOpened(room: RoomTokenRequest): void {
  cache.opened(keyOf(room));
}

/** The room's cached token is out of date (the inbox's contacts changed): mint afresh next. */
export function forgetRoomToken(room: RoomTokenRequest): void {
  cache.forget(keyOf(room));
}
