import { rateLimitFallback } from '@/lib/cache/fallback';
import { qstashQuota } from '@/lib/jobs/qstash-quota';

/** A managed service Parley is working around right now, as /api/health and the operations page say it. */
export type FallbackReport = { since: string; message: string };

const time = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * What this instance does in place of a managed service that ran out or failed: QStash's daily
 * quota (jobs run in this process until it resets) and Upstash (rate limits counted in memory,
 * at half the limits). Empty when everything is as configured.
 */
export function fallbackReports(now = new Date()): Record<string, FallbackReport> {
  const reports: Record<string, FallbackReport> = {};
  const quota = qstashQuota(now);
  if (quota.exhausted) {
    reports.qstash = {
      since: quota.since.toISOString(),
      message: `QStash quota exhausted since ${time(quota.since)}: jobs run in this process until ${time(quota.until)}.`,
    };
  }
  const limits = rateLimitFallback();
  if (limits.active) {
    reports.upstash = {
      since: limits.since.toISOString(),
      message: `Upstash unavailable since ${time(limits.since)} (${limits.reason}): rate limits are counted per instance, at half the usual limits.`,
    };
  }
  return reports;
}
