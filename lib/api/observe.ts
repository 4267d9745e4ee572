/**
 * A seam between the route wrapper and whoever measures requests and reports errors. route() runs on the edge too,
 * where the Prometheus client cannot load, so it only calls an observer that the Node server
 * registers at start (instrumentation.ts → lib/metrics/http.ts). The observer lives on globalThis
 * because Next.js bundles instrumentation and each route separately: a module variable set in one
 * bundle would be invisible in the others.
 */
export type RequestObservation = { route: string; method: string; status: number; seconds: number };
type Observer = (observation: RequestObservation) => void;

const slot = globalThis as unknown as { __parleyRequestObserver?: Observer };

export function setRequestObserver(observer: Observer | undefined): void {
  slot.__parleyRequestObserver = observer;
}

export function observeRequest(observation: RequestObservation): void {
  slot.__parleyRequestObserver?.(observation);
}

/**
 * An error route() answered with a 500: reported (to Sentry, when configured) with its ids, and
 * the id (never the email) of the person it happened to when the request was authenticated.
 */
export type ErrorReport = {
  requestId: string;
  method: string;
  route: string;
  traceId?: string;
  userId?: string;
};
type Reporter = (error: unknown, report: ErrorReport) => void;
const reporterSlot = globalThis as unknown as { __parleyErrorReporter?: Reporter };

export function setErrorReporter(reporter: Reporter | undefined): void {
  reporterSlot.__parleyErrorReporter = reporter;
}

export function reportError(error: unknown, report: ErrorReport): void {
  reporterSlot.__parleyErrorReporter?.(error, report);
}

/**
 * The route pattern of a request (`/api/v1/conversations/[id]/messages`): each dynamic segment's
 * value put back as its name, so a metric label never carries an id. Next.js gives the raw
 * (decoded) values in `params`; a catch-all's array fills consecutive segments.
 */
export function routePattern(
  pathname: string,
  params: Record<string, string | string[] | undefined>,
): string {
  const segments = pathname.split('/');
  const decoded = segments.map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    const start = decoded.findIndex((s, i) => values.every((v, j) => decoded[i + j] === v));
    if (start < 0) continue;
    segments.splice(start, values.length, Array.isArray(value) ? `[...${name}]` : `[${name}]`);
    decoded.splice(start, values.length, '\u0000');
  }
  return segments.join('/');
}
