import type { z } from 'zod';

import type { JobRegistry } from '@/lib/jobs/registry';

import { assistantReply } from './assistant-reply';
import { dailyBackup } from './backup';
import { emailDigest } from './email-digest';
import { notifyCall } from './notify-call';
import { notifyMessage } from './notify-message';

/**
 * Every job, by name: one file per worker in this folder (payload schema + idempotent handler).
 * A name is the last segment of /api/jobs/<name>, so it is URL-safe and never "retry" (that path
 * is `npm run jobs`'s). The key must equal the definition's `name` (workers.test.ts checks).
 *
 * Load this at runtime only through loadWorkers() (lib/jobs/registry.ts): workers import
 * lib/chat, which enqueues jobs and so imports this file's types.
 */
export const workers = {
  'assistant-reply': assistantReply,
  // Registered here until the job catalog (lib/jobs/catalog.ts, #11) takes every job.
  'daily-backup': dailyBackup,
  'email-digest': emailDigest,
  'notify-call': notifyCall,
  'notify-message': notifyMessage,
} satisfies JobRegistry;

export type JobName = keyof typeof workers;
/** What enqueueJob(name, payload) accepts: the schema's input (before defaults and transforms). */
export type JobPayload<N extends JobName> = z.input<(typeof workers)[N]['payload']>;
