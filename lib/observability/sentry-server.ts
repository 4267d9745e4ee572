import { setErrorReporter } from '@/lib/api/observe';
import { clientEnv, env } from '@/lib/env';

import { sentryEnvironment, sentryOptions } from './sentry-options';

/**
 * Starts Sentry in a Node or edge server process when SENTRY_DSN is set (instrumentation.ts);
 * without it nothing is imported. Errors that route() answers with a 500 are reported with the
 * request id, trace id, method and route pattern as tags and the person's id as the user, so an event leads straight to its logs.
 */
export async function startServerSentry(): Promise<boolean> {
  if (!env.SENTRY_DSN) return false;
  const Sentry = await import('@sentry/nextjs');
  Sentry.init(
    sentryOptions({
      dsn: env.SENTRY_DSN,
      environment: env.SENTRY_ENVIRONMENT ?? sentryEnvironment(env.VERCEL_ENV, env.NODE_ENV),
      tracesSampleRate: env.SENTRY_TRACES_SAMPLE_RATE,
      release:
        env.SENTRY_RELEASE ?? env.VERCEL_GIT_COMMIT_SHA ?? clientEnv.NEXT_PUBLIC_SENTRY_RELEASE,
    }),
  );
  setErrorReporter((error, report) => {
    Sentry.withScope((scope) => {
      scope.setTags({ request_id: report.requestId, route: report.route, method: report.method });
      if (report.traceId) scope.setTag('trace_id', report.traceId);
      // The id only: the scrubber would drop an email or IP anyway, but none is ever set here.
      if (report.userId) scope.setUser({ id: report.userId });
      Sentry.captureException(error);
    });
  });
  return true;
}
