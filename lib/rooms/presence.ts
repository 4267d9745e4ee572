import { z } from 'zod';

import { bucketSchema, type BucketRule } from '../calls/token-bucket';
import {
  presenceStateSchema,
  presenceStatusSchema,
  roomIdSchema,
  type PresenceStatus,
} from '../realtime/protocol';

/**
 * Presence between inbox rooms. Each connection of an inbox room holds InboxConnectionState; the
 * owner's status is derived from those states alone (so it survives hibernation), and only a
 * change of that aggregate is announced to the owner's contacts' inbox rooms.
 */

export const inboxConnectionStateSchema = z.object({
  contacts: z.array(z.string()),
  state: presenceStateSchema,
  /** presence.set changes this connection may still make (PRESENCE_RULE). */
  presence: bucketSchema,
  /** A change refused by the bucket: applied by the connection's next frame that finds a token. */
  pending: presenceStateSchema.nullable(),
  /** Whether it was told `rate_limited` since its last accepted change. */
  limited: z.boolean(),
});
export type InboxConnectionState = z.infer<typeof inboxConnectionStateSchema>;

/**
 * A tab changes state when it is hidden for minutes (away) or shown again (active), so a few
 * changes at once and one per five seconds after that is far above any real tab; a flood of
 * presence.set (finding 9 of #17: 1,000 frames, 1,000 announcements) reaches contacts as a few.
 */
export const PRESENCE_RULE: BucketRule = { capacity: 4, perSecond: 0.2 };

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

/** The path inbox rooms use between themselves (with the server secret). */
export const PRESENCE_PATH = '/presence';
