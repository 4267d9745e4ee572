import { z } from 'zod';

import { env } from '@/lib/env';

/**
 * Every job Parley queues: its name, payload schema, attempts and timeout. A leaf module (zod, the
 * environment's schema and nothing else): code that queues a job (lib/chat, lib/calls, lib/email)
 * imports this, never the handlers in workers/, which import those very features. A name is the
 * last segment of /api/jobs/<name>, so it is URL-safe and never "retry" (that path is
 * `npm run jobs`'s); catalog.test.ts checks both.
 */

const id = z.string().min(1).max(64);

export const messageCreatedPayloadSchema = z.object({ messageId: id });

export const assistantReplyPayloadSchema = z.object({
  conversationId: id,
  messageId: id,
  /** Set when the person was over their hourly limit: the reply says so instead of answering. */
  limited: z.object({ retryAfterSeconds: z.number().int().nonnegative() }).optional(),
});
export type AssistantReplyPayload = z.infer<typeof assistantReplyPayloadSchema>;

/** A game at the version a job was queued for: it acts only if the game has not moved since. */
export const gameVersionPayloadSchema = z.object({
  gameId: id,
  version: z.number().int().positive(),
});

/** The UTC day a backup run is for: only the dedupe id uses it (one queued run per day). */
export const dailyBackupPayloadSchema = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

export type JobSpec = {
  payload: z.ZodType;
  /**
   * With QStash, runs in the process that queued it, right after the response, when it is due at
   * once (lib/jobs/inline.ts): no QStash message unless it fails. For work that follows a
   * request within seconds; delayed work (digests, backups) still goes through QStash.
   */
  inline?: boolean;
  /** Attempts before the job is failed for good. */
  maxAttempts: number;
  /** An attempt is abandoned (and retried) after this long. */
  timeoutMs: number;
};

export const jobCatalog = {
  /**
   * What follows a new message (written in the message's own transaction, the outbox): the
   * assistant's reply when the message addresses it, then notifications for the members who
   * are away. Dedupe id `message-created:<messageId>`.
   */
  'message-created': {
    payload: messageCreatedPayloadSchema,
    maxAttempts: 5,
    timeoutMs: 30_000,
    inline: true,
  },
  /**
   * Notifications for one message. Queued by versions before the outbox (message-created does
   * this now); kept so rows queued before an upgrade still run.
   */
  'notify-message': {
    payload: messageCreatedPayloadSchema,
    maxAttempts: 5,
    timeoutMs: 30_000,
    inline: true,
  },
  /** A call nobody answered (written with the call's end, when it ends missed). */
  'notify-call': {
    payload: z.object({ callId: id }),
    maxAttempts: 5,
    timeoutMs: 30_000,
    inline: true,
  },
  /** One person's email digest, queued per delay window by lib/email/server/schedule.ts. */
  'email-digest': { payload: z.object({ userId: id }), maxAttempts: 5, timeoutMs: 60_000 },
  /**
   * The assistant answers a message. Provider failures become an assistant message; only a
   * crash or the job's own timeout (longer than the provider's, so that one speaks first) is
   * retried, little. With QStash the whole job fits in the job route's 60 s (lib/env.ts caps
   * AI_TIMEOUT_MS then).
   */
  'assistant-reply': {
    payload: assistantReplyPayloadSchema,
    maxAttempts: 3,
    timeoutMs: env.AI_TIMEOUT_MS + 15_000,
    inline: true,
  },
  /**
   * The day's backup into BACKUP_DIR, then pruning and the next day's run (lib/backup/schedule.ts
   * queues it, dedupe id `daily-backup:<day>`). The SQLite backup API copies hundreds of MB in
   * seconds; 5 minutes also bounds the local dispatcher's lease (the longest timeout + 30 s), which
   * is how long a crashed process's message jobs wait before another run takes them.
   */
  'daily-backup': { payload: dailyBackupPayloadSchema, maxAttempts: 3, timeoutMs: 5 * 60_000 },
  /**
   * Deletes notifications read more than 30 days ago, then queues the next day's run
   * (lib/notifications/server/retention.ts; dedupe id `prune-notifications:<day>`).
   */
  'prune-notifications': { payload: dailyBackupPayloadSchema, maxAttempts: 3, timeoutMs: 60_000 },
  /**
   * A game's turn timer, delayed to the player to move's deadline and written with the move (the
   * outbox). It ends the game on time only if the version has not moved (lib/games).
   */
  'game-timeout': { payload: gameVersionPayloadSchema, maxAttempts: 5, timeoutMs: 30_000 },
  /** Parley AI's move in a game at this version (its engine thinks for under a second). */
  'game-ai-move': { payload: gameVersionPayloadSchema, maxAttempts: 3, timeoutMs: 30_000 },
  /**
   * A game's notice at this version, written with it (the outbox): a pending game's challenge to
   * the person challenged, an active game's "Your move" to the player to move, if away. Stale
   * (the game moved on) when it runs: nothing. Dedupe id `notify-game:<gameId>:<version>`.
   */
  'notify-game': {
    payload: gameVersionPayloadSchema,
    maxAttempts: 5,
    timeoutMs: 30_000,
    inline: true,
  },
  /**
   * An unanswered challenge expires: delayed to its deadline and written with its card (the
   * outbox); it acts only if the game is still pending at this version (lib/games).
   */
  'game-challenge-expiry': { payload: gameVersionPayloadSchema, maxAttempts: 5, timeoutMs: 30_000 },
} as const satisfies Record<string, JobSpec>;

export type JobCatalog = typeof jobCatalog;
export type JobName = keyof JobCatalog;
/** What a job is queued with: the schema's input (before defaults and transforms). */
export type JobPayloadInput<N extends JobName> = z.input<JobCatalog[N]['payload']>;
/** What its handler receives: the schema's output. */
export type JobPayload<N extends JobName> = z.infer<JobCatalog[N]['payload']>;

export const jobNames = Object.keys(jobCatalog) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobCatalog, name);
}
