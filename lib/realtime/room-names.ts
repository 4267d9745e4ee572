/** Party names and room ids: the two halves of a room's address, `/parties/<party>/<room>`. */
import { z } from 'zod';

/**
 * Party names as they appear in `/parties/<party>/<room>`. `main` is each person's inbox room
 * (room id = user id); `conversation` is one per conversation (room id = conversation id);
 * `call` is one per call (room id = call id), for WebRTC signalling between its participants.
 */
export const partyNameSchema = z.enum(['main', 'conversation', 'call']);
export type PartyName = z.infer<typeof partyNameSchema>;

/** Room ids are ids we mint (users, conversations); keep them URL- and audience-safe. */
export const roomIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'room ids use letters, digits, - and _');
