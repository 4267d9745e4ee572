'use client';

import { useEffect } from 'react';

import { reportBrowserError } from '@/lib/observability/client/report';

/** The last resort when the root layout itself fails: report it, and offer a way back. */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => reportBrowserError(error), [error]);
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '3rem', maxWidth: '36rem' }}>
        <h1>Parley hit an error</h1>
        <p>
          Something went wrong while loading this page. Try again; if it keeps happening, reload the
          page{error.digest ? ` and quote error ${error.digest}` : ''}.
        </p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
