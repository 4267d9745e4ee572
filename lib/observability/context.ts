import { AsyncLocalStorage } from 'node:async_hooks';

import { childOf, formatTraceparent, parseTraceparent, type TraceParent } from './trace';

/**
 * What the server knows about the work in progress: its trace (from the incoming `traceparent`,
 * or a new one), the request id and, once authenticated, the person's id. Kept in an
 * AsyncLocalStorage so every log line (lib/log.ts), error report and outgoing call made while
 * handling it sees the same ids without threading them through each function. The storage lives
 * on globalThis: Next.js bundles each route and instrumentation separately.
 */
export type WorkContext = TraceParent & {
  /** The span that called us (the browser's, the route's that enqueued a job), if any. */
  parentSpanId?: string;
  requestId?: string;
  userId?: string;
};

const slot = globalThis as unknown as {
  __parleyWorkContext?: AsyncLocalStorage<WorkContext>;
  __parleyTracingOff?: boolean;
};
const storage = (slot.__parleyWorkContext ??= new AsyncLocalStorage<WorkContext>());

export function currentContext(): WorkContext | undefined {
  return storage.getStore();
}

/** Runs `fn` in a new span of the trace `traceparent` names (a new trace when it names none). */
export function runTraced<T>(
  traceparent: string | null | undefined,
  extra: Pick<WorkContext, 'requestId' | 'userId'>,
  fn: () => T,
): T {
  if (slot.__parleyTracingOff) return fn();
  const parent = parseTraceparent(traceparent);
  const context: WorkContext = { ...childOf(parent), ...extra };
  if (parent) context.parentSpanId = parent.spanId;
  return storage.run(context, fn);
}

/**
 * Turns the trace context off (true) or on again: only for measuring its cost
 * (scripts/bench-observability.mjs). Off, work runs without ids and log lines carry none.
 */
export function setTracingDisabled(disabled: boolean): void {
  slot.__parleyTracingOff = disabled;
}

/** Names the person the current request acts for (the auth wrapper calls it once it knows). */
export function setContextUser(userId: string): void {
  const context = storage.getStore();
  if (context) context.userId = userId;
}

/**
 * The `traceparent` for an outgoing call made now: a new span in the current trace (so the next
 * hop continues it), or undefined outside any traced work.
 */
export function outgoingTraceparent(): string | undefined {
  const context = storage.getStore();
  return context ? formatTraceparent(childOf(context)) : undefined;
}

/** The ids a log line carries (snake_case, as Loki and Sentry name them). */
export function logFields(): Record<string, string> {
  const context = storage.getStore();
  if (!context) return {};
  const fields: Record<string, string> = { trace_id: context.traceId, span_id: context.spanId };
  if (context.requestId) fields.request_id = context.requestId;
  return fields;
}
