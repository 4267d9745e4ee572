import { z } from 'zod';

/** What the operations page (/admin/operations) reads: the last hour, 30 days, breakers, Sentry. */

const breakerStatus = z.enum(['closed', 'open', 'half-open']);

export const minuteSchema = z.object({
  /** Start of the minute, ms since the epoch. */
  at: z.number(),
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  jobsSucceeded: z.number().int().nonnegative(),
  jobsFailed: z.number().int().nonnegative(),
  /** Event frames the rooms sent to sockets (their publish answers say how many). */
  deliveries: z.number().int().nonnegative(),
  /** Request latency p95 in seconds (null: no request that minute). */
  latencyP95: z.number().nullable(),
  /** Send → the rooms accepting the event (delivery to sockets follows within the room). */
  publishP50: z.number().nullable(),
  publishP95: z.number().nullable(),
  publishP99: z.number().nullable(),
  /** The AI provider's answer time, p95 in seconds. */
  aiP95: z.number().nullable(),
  /** Jobs waiting, as last read that minute (null: not read). */
  jobsPending: z.number().int().nonnegative().nullable(),
  /** Sockets connected to inbox rooms (one per open tab), as last read that minute. */
  sockets: z.number().int().nonnegative().nullable(),
});

export const operationsSchema = z.object({
  /** The last 60 minutes of this server process, oldest first. */
  lastHour: z.array(minuteSchema),
  /**
   * Per UTC day over the last 30 days (days with no activity left out): people's messages, how
   * many people wrote them, Parley AI's replies, calls started and the minutes of those answered.
   */
  usage: z.array(
    z.object({
      day: z.string(),
      messages: z.number().int().nonnegative(),
      people: z.number().int().nonnegative(),
      aiReplies: z.number().int().nonnegative(),
      calls: z.number().int().nonnegative(),
      callMinutes: z.number().nonnegative(),
    }),
  ),
  jobs: z.object({
    pending: z.number().int().nonnegative(),
    running: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    /** Seconds since the oldest due job became due (0: none waiting). */
    oldestDueSeconds: z.number().nonnegative(),
  }),
  breakers: z.record(
    z.string(),
    z.object({ status: breakerStatus, retryAt: z.iso.datetime().nullable() }),
  ),
  sentry: z.object({ server: z.boolean(), browser: z.boolean() }),
});
export type Operations = z.infer<typeof operationsSchema>;

export const testErrorSchema = z.object({
  /** Whether a server event was sent (SENTRY_DSN set). */
  sentToSentry: z.boolean(),
  /** The request id the server event carries, to find it in Sentry and in the logs. */
  requestId: z.string(),
  /** Whether a room was asked to fail too (it reports when PartyKit has SENTRY_DSN). */
  roomAsked: z.boolean(),
});
export type TestErrorResult = z.infer<typeof testErrorSchema>;
