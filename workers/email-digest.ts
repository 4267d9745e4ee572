import { sendDigest } from '@/lib/email/server/digest';
import type { JobHandler } from '@/lib/jobs/define';

/**
 * One person's email digest of unread mentions, DMs and replies (lib/email/server/digest.ts). Queued
 * by scheduleDigest for each such notification, at most one job per person per delay window;
 * sends nothing when nothing is due or it already went out (the notifications' emailed marks).
 * Two runs for one person may overlap (a rescheduled job and a bucket's job): sendDigest claims
 * the notifications before sending, so only one of them emails. A failed send throws, giving the
 * notifications back, and the job retries.
 */
export const emailDigest: JobHandler<'email-digest'> = async ({ userId }, { store }) => {
  await sendDigest({ store, userId });
};
