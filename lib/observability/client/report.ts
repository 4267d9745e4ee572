'use client';

import 'client-only';
import type * as SentrySdk from '@sentry/nextjs';

type Slot = { __parleySentry?: Promise<typeof SentrySdk> };

/**
 * Sends a browser error to Sentry when instrumentation-client.ts started it (a build with
 * NEXT_PUBLIC_SENTRY_DSN); otherwise does nothing and loads nothing.
 */
export function reportBrowserError(error: unknown): void {
  void (globalThis as Slot).__parleySentry?.then((Sentry) => Sentry.captureException(error));
}
