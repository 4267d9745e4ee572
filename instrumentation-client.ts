/**
 * Browser start-up (Next.js loads this before the app). Sentry starts only when
 * NEXT_PUBLIC_SENTRY_DSN was set at build time; otherwise the condition is `false` in the bundle
 * and the SDK is never downloaded. Events go through our own /api/monitoring tunnel, so ad
 * blockers that drop requests to sentry.io do not drop them.
 */
import type * as SentrySdk from '@sentry/nextjs';

import { sentryEnvironment, sentryOptions } from './lib/observability/sentry-options';

type Sentry = typeof SentrySdk;
type Slot = { __parleySentry?: Promise<Sentry> };

/**
 * The SDK (about 150 kB gzip) loads once the page has loaded and settled, not with it: it is not
 * needed to show a conversation (the chats page's first-load budget, issue #12). Errors reported
 * meanwhile (reportBrowserError) wait for it; an uncaught error in those first seconds is missed.
 */
const whenSettled = () =>
  new Promise<void>((resolve) => {
    const later = () => setTimeout(resolve, 2000);
    if (document.readyState === 'complete') later();
    else window.addEventListener('load', later, { once: true });
  });

const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
if (dsn) {
  (globalThis as Slot).__parleySentry = whenSettled()
    .then(() => import('@sentry/nextjs'))
    .then((Sentry) => {
      Sentry.init({
        ...sentryOptions({
          dsn,
          environment: sentryEnvironment(process.env.NEXT_PUBLIC_VERCEL_ENV, process.env.NODE_ENV),
          tracesSampleRate: 0.1,
          release: process.env.NEXT_PUBLIC_SENTRY_RELEASE || undefined,
        }),
        tunnel: '/api/monitoring',
      });
      return Sentry;
    });
}

export function onRouterTransitionStart(href: string, navigationType: string): void {
  void (globalThis as Slot).__parleySentry?.then((Sentry) =>
    Sentry.captureRouterTransitionStart(href, navigationType),
  );
}
