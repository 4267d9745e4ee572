import { scrubEvent } from './scrub';

/**
 * The options every Sentry SDK in Parley starts with (browser, Node, edge): one release (the
 * commit, baked in at build as NEXT_PUBLIC_SENTRY_RELEASE by next.config.js), one environment
 * (development / preview / production), and the privacy scrubber on everything sent.
 */
export function sentryOptions(opts: {
  dsn: string;
  environment: string;
  tracesSampleRate: number;
  release: string | undefined;
}) {
  return {
    dsn: opts.dsn,
    environment: opts.environment,
    release: opts.release,
    tracesSampleRate: opts.tracesSampleRate,
    sendDefaultPii: false,
    beforeSend: scrubEvent,
    beforeSendTransaction: scrubEvent,
    beforeBreadcrumb: <B extends object>(breadcrumb: B) => scrubEvent(breadcrumb),
  };
}

/** VERCEL_ENV when deployed there, else what NODE_ENV says. */
export function sentryEnvironment(vercelEnv: string | undefined, nodeEnv: string | undefined) {
  return vercelEnv ?? (nodeEnv === 'production' ? 'production' : 'development');
}
