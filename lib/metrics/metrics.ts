import 'server-only';

import { jobCatalog } from '@/lib/jobs/catalog';

import { counter, gauge, histogram } from './registry';

/**
 * Every metric Parley exports (Prometheus conventions: `parley_` prefix, base units, `_total` for
 * counters, low-cardinality labels — a route *pattern*, never a raw path or an id). The
 * dashboard (monitoring/grafana) and the alert rules (monitoring/alerts.yml) use these names;
 * the real-Prometheus test fails if a panel or rule asks for one that is never exported.
 */

/** `2xx`, `4xx`, `5xx`: the status class keeps the label set small. */
export const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;

export const httpRequests = counter(
  'parley_http_requests_total',
  'HTTP requests answered, by route pattern, method and status class.',
  ['route', 'method', 'status_class'],
);
export const httpDuration = histogram(
  'parley_http_request_duration_seconds',
  'Time from a request arriving to its response, by route pattern and method.',
  ['route', 'method'],
);

export const messagesCreated = counter(
  'parley_messages_created_total',
  'Messages stored (a retried send that finds its message does not count).',
);

export const realtimePublishes = counter(
  'parley_realtime_publishes_total',
  'Publishes from Next.js to PartyKit rooms, by result (ok, failed).',
  ['result'],
);
export const realtimePublishDuration = histogram(
  'parley_realtime_publish_duration_seconds',
  'Time for one publish request to a PartyKit room.',
);

export const realtimeDeliveries = counter(
  'parley_realtime_deliveries_total',
  'Event frames the rooms sent to sockets, as they report in publish answers (one event to three tabs counts three).',
);
/** Set when the metrics are scraped, from the sockets room (lib/rooms/sockets.ts). */
export const realtimeSockets = gauge(
  'parley_realtime_connected_sockets',
  'Sockets connected to inbox rooms (one per open tab), as the rooms report them.',
);

export const jobsEnqueued = counter('parley_jobs_enqueued_total', 'Jobs queued, by job name.', [
  'job',
]);
export const jobsFinished = counter(
  'parley_jobs_finished_total',
  'Job attempts that ended, by job name and result (succeeded, retried, failed).',
  ['job', 'result'],
);
export const jobDuration = histogram(
  'parley_job_duration_seconds',
  'Time one job attempt ran, by job name.',
  ['job'],
  [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
);

export const storeDuration = histogram(
  'parley_store_operation_duration_seconds',
  'Time of one store operation, by operation.',
  ['operation'],
  [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
);

export const rateLimitRejections = counter(
  'parley_rate_limit_rejections_total',
  'Requests refused with 429, by rule.',
  ['rule'],
);

export const callsStarted = counter('parley_calls_started_total', 'Calls started, by kind.', [
  'kind',
]);
export const callSeconds = counter(
  'parley_call_seconds_total',
  'Seconds of calls that ended (a call of 3 minutes adds 180).',
);

export const aiRequests = counter(
  'parley_ai_requests_total',
  'Requests to the AI provider, by result (ok, error, timeout, unavailable).',
  ['result'],
);
export const aiDuration = histogram(
  'parley_ai_request_duration_seconds',
  'Time from asking the AI provider to its last token.',
  [],
  [0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60],
);
export const aiTokens = counter(
  'parley_ai_tokens_total',
  'Tokens sent to and received from the AI provider (estimated when it reports none).',
  ['direction'],
);

export const pushesSent = counter(
  'parley_push_notifications_total',
  'Web pushes, by result (sent, expired, failed).',
  ['result'],
);
export const emailsSent = counter('parley_emails_total', 'Emails, by result (sent, failed).', [
  'result',
]);

/** 0 closed, 1 half-open, 2 open. */
export const breakerState = gauge(
  'parley_circuit_breaker_state',
  'Circuit breaker state per outside dependency: 0 closed, 1 half-open, 2 open.',
  ['dependency'],
);

/** Set when the metrics are scraped, from the store (see lib/metrics/collect.ts). */
export const jobsQueued = gauge('parley_jobs_queued', 'Jobs waiting to run, by state.', ['state']);
export const oldestDueJobAge = gauge(
  'parley_jobs_oldest_due_age_seconds',
  'How long the oldest pending job has been due (0 when none is): a stuck dispatcher or QStash.',
);

// Known label values start at 0, so a rate() or an alert sees a series before the first event.
for (const result of ['ok', 'failed']) realtimePublishes.inc({ result }, 0);
for (const result of ['sent', 'expired', 'failed']) pushesSent.inc({ result }, 0);
for (const result of ['sent', 'failed']) emailsSent.inc({ result }, 0);
for (const result of ['ok', 'error', 'timeout', 'unavailable']) aiRequests.inc({ result }, 0);
for (const job of Object.keys(jobCatalog)) {
  jobsEnqueued.inc({ job }, 0);
  for (const result of ['succeeded', 'retried', 'failed']) jobsFinished.inc({ job, result }, 0);
}
