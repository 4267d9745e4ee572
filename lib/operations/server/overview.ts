import 'server-only';

import { reportError } from '@/lib/api/observe';
import { ASSISTANT_ID } from '@/lib/assistant/identity';
import type { Store } from '@/lib/db/store';
import type { DailyActivity, DailyCalls } from '@/lib/db/types';
import { clientEnv, env } from '@/lib/env';
import { log } from '@/lib/log';
import { sampleSockets } from '@/lib/metrics/collect';
import { recentActivity } from '@/lib/metrics/recent';
import { currentContext } from '@/lib/observability/context';
import { askRoomToFail, readConnectedSockets } from '@/lib/realtime/server/publish';
import { breakerReports } from '@/lib/resilience/breakers';

import type { Operations, TestErrorResult } from '../wire';

const DAY_MS = 24 * 3600_000;

/** Messages and calls per day joined into one row a day, oldest first. */
export function usageByDay(messages: DailyActivity[], calls: DailyCalls[]): Operations['usage'] {
  const days = new Map<string, Operations['usage'][number]>();
  const row = (day: string) => {
    let found = days.get(day);
    if (!found) {
      found = { day, messages: 0, people: 0, aiReplies: 0, calls: 0, callMinutes: 0 };
      days.set(day, found);
    }
    return found;
  };
  for (const m of messages) Object.assign(row(m.day), m);
  for (const c of calls) Object.assign(row(c.day), c);
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Everything the operations page shows, read now (the sockets from the rooms, when they answer). */
export async function operationsOverview(
  store: Store,
  now = new Date(),
  readSockets: () => Promise<number | null> = readConnectedSockets,
): Promise<Operations> {
  const since = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 29 * DAY_MS,
  );
  const [messages, calls, pending, running, failed, oldest] = await Promise.all([
    store.messageActivity({ since, assistantId: ASSISTANT_ID }),
    store.callActivity({ since }),
    store.countJobs({ state: 'pending' }),
    store.countJobs({ state: 'running' }),
    store.countJobs({ state: 'failed' }),
    store.oldestDueRunAt({ now }),
    sampleSockets(readSockets),
  ]);
  recentActivity().sample('jobsPending', pending);
  return {
    lastHour: recentActivity()
      .snapshot()
      .map((p) => ({
        at: p.at,
        requests: p.counts.requests,
        errors: p.counts.errors,
        messages: p.counts.messages,
        jobsSucceeded: p.counts.jobsSucceeded,
        jobsFailed: p.counts.jobsFailed,
        deliveries: p.counts.deliveries,
        latencyP95: p.p95.request,
        publishP50: p.p50.publish,
        publishP95: p.p95.publish,
        publishP99: p.p99.publish,
        aiP95: p.p95.ai,
        jobsPending: p.gauges.jobsPending,
        sockets: p.gauges.sockets,
      })),
    usage: usageByDay(messages, calls),
    jobs: {
      pending,
      running,
      failed,
      oldestDueSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
    },
    breakers: breakerReports(),
    sentry: {
      server: Boolean(env.SENTRY_DSN),
      browser: Boolean(clientEnv.NEXT_PUBLIC_SENTRY_DSN),
    },
  };
}

/**
 * "Send test error": raises an error and reports it exactly as route() reports an unhandled one
 * (an error log line and, with SENTRY_DSN, a Sentry event with the request id, trace id and the
 * admin's id), then asks a room to fail so PartyKit's reporting is checked too. Answers what it
 * did instead of a 500, so the page can say where to look.
 */
export async function sendTestError(requestId: string): Promise<TestErrorResult> {
  const error = new Error(
    `Parley test error (Send test error on the operations page, request ${requestId})`,
  );
  log.error({ err: error, requestId }, 'test error sent from the operations page');
  const context = currentContext();
  reportError(error, {
    requestId,
    method: 'POST',
    route: '/api/v1/admin/operations/test-error',
    ...(context ? { traceId: context.traceId } : {}),
    ...(context?.userId ? { userId: context.userId } : {}),
  });
  const roomAsked = await askRoomToFail();
  return { sentToSentry: Boolean(env.SENTRY_DSN), requestId, roomAsked };
}
