import { READ_PERSIST_DELAY_MS } from '@/lib/chat/read-marks';
import { MAX_TOKEN_CONVERSATIONS, ROOM_TOKEN_TTL_SECONDS } from '@/lib/realtime/room-token';
import { TOKEN_REUSE_MARGIN_MS } from '@/lib/realtime/token-cache';

/**
 * What one person's open tab keeps between requests, as the browser code does (#19), so the
 * simulated day asks the server only for what a real tab would:
 * - room tokens reused until a minute before they expire, each also opening the person's
 *   conversations of the moment (lib/realtime/token-cache.ts);
 * - timelines held and kept current by inbox events while the tab is open, so opening one whose
 *   last seq is unchanged fetches nothing (lib/chat/timeline-cache.ts);
 * - read positions heard live through the conversation room, written at most every
 *   READ_PERSIST_DELAY_MS, on leaving the conversation or closing the tab, and at once when they
 *   clear a notification (lib/chat/read-marks.ts).
 * Closing the tab (going away) forgets all of it.
 */
export type TabState = {
  tokens: Map<string, number>;
  held: Map<string, number>;
  pendingReads: Map<string, number>;
  /** Conversations with an unread notification for this person (DMs while not looking). */
  notified: Set<string>;
};

export const newTab = (): TabState => ({
  tokens: new Map(),
  held: new Map(),
  pendingReads: new Map(),
  notified: new Set(),
});

/**
 * True when the tab must ask for a token for `room` now. The token it gets also opens the
 * person's conversations as they are now (`alsoRooms`, up to MAX_TOKEN_CONVERSATIONS).
 */
export function needsToken(
  tab: TabState,
  room: string,
  now: number,
  alsoRooms: readonly string[],
): boolean {
  const expiresAt = tab.tokens.get(room);
  if (expiresAt !== undefined && expiresAt - now > TOKEN_REUSE_MARGIN_MS) return false;
  const expires = now + ROOM_TOKEN_TTL_SECONDS * 1000;
  for (const other of [room, ...alsoRooms.slice(0, MAX_TOKEN_CONVERSATIONS)])
    tab.tokens.set(other, expires);
  return true;
}

export { READ_PERSIST_DELAY_MS };
