import 'server-only';

import { z } from 'zod';

/**
 * What a push carries, as public/sw.js reads it. Long texts are clipped rather than refused: a
 * push service takes at most 4 KB encrypted, and a notification shows a line or two anyway.
 */
const clipped = (max: number) =>
  z
    .string()
    .trim()
    .transform((s) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s));

export const pushMessageSchema = z.object({
  /** "Ana in Design", "Ana". */
  title: clipped(120).pipe(z.string().min(1)),
  /** A preview of the message. */
  body: clipped(300),
  /** Where a click goes: a path on this site (`/chats/<id>?message=<id>`). */
  url: z
    .string()
    .max(2048)
    .regex(/^\/(?![/\\])/, 'must be a path on this site'),
  /** Notifications with the same tag replace each other on the device (one per conversation). */
  tag: z.string().min(1).max(128).optional(),
});
export type PushMessage = z.input<typeof pushMessageSchema>;
