import 'client-only';

import type { z } from 'zod';

import { callEndpoint } from '@/lib/api/client';

import { createRoomTokenEndpoint } from '../endpoints';
import type { roomTokenRequestSchema } from '../schemas';

export type RoomTokenRequest = z.input<typeof roomTokenRequestSchema>;

/**
 * A fresh room token for the inbox, a conversation or a call: what partysocket's `query` asks
 * for on every (re)connection. Non-members get 404 and no token.
 */
export async function fetchRoomToken(room: RoomTokenRequest): Promise<string> {
  return (await callEndpoint(createRoomTokenEndpoint, { body: room })).token;
}
