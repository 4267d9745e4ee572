import { z } from 'zod';

import {
  presenceStateSchema,
  presenceStatusSchema,
  roomIdSchema,
  type PresenceStatus,
} from '../lib/realtime/protocol';

/**
 * Presence between inbox rooms. Each connection of an inbox room holds InboxConnectionState; the
 * owner's status is derived from those states alone (so it survives hibernation), and only a
 * change of that aggregate is announced to the owner's contacts' inbox rooms.
 */

export const inboxConnectionStateSchema = z.object({
  userId: z.string(),
  contacts: z.array(z.string()),
  state: presenceStateSchema,
});
export type InboxConnectionState = z.infer<typeof inboxConnectionStateSchema>;

/** One person's status, as inbox rooms exchange it on `/presence` and clients receive it. */
export const presenceUserSchema = z.object({
  userId: roomIdSchema,
  status: presenceStatusSchema,
  /** When the person was last connected; set only while offline (null if never seen). */
  lastSeenAt: z.number().int().nullable(),
});
export type PresenceUser = z.infer<typeof presenceUserSchema>;

/** What the room stores: the last status it announced, and when the owner was last connected. */
export const storedPresenceSchema = z.object({
  status: presenceStatusSchema,
  lastSeenAt: z.number().int().nullable(),
});
export type StoredPresence = z.infer<typeof storedPresenceSchema>;
export const PRESENCE_STORAGE_KEY = 'presence';

/** Online if any tab is active, away if every tab is away, offline with no tab. */
export function aggregateStatus(
  states: readonly Pick<InboxConnectionState, 'state'>[],
): PresenceStatus {
  if (states.length === 0) return 'offline';
  return states.some((s) => s.state === 'active') ? 'online' : 'away';
}

/** Everyone any of the given connections names as a contact, once, in first-seen order. */
export function contactUnion(states: readonly Pick<InboxConnectionState, 'contacts'>[]): string[] {
  return [...new Set(states.flatMap((s) => s.contacts))];
}

/** The paths inbox rooms use between themselves (with the server secret). */
export const PRESENCE_PATH = '/presence';

/** The part of a room URL after `/parties/<party>/<room>`: '' for the room itself. */
export function roomSubpath(url: string, party: string, roomId: string): string {
  const pathname = new URL(url).pathname.replace(/\/$/, '');
  const prefix = `/parties/${party}/${roomId}`;
  if (pathname === prefix) return '';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}
