import type { z } from 'zod';

import { log } from '@/lib/log';
import { currentContext, runTraced } from '@/lib/observability/context';

import { readJsonBody } from './body';
import { ApiError } from './errors';
import { observeRequest, reportError, routePattern } from './observe';
import { parseWith } from './validate';

type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

export type RouteContext<B, Q, P> = {
  req: Request;
  requestId: string;
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
};

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

function requestIdOf(req: Request): string {
  const incoming = req.headers.get('x-request-id');
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** A JSON response; the wrapper adds the request id header. */
export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  const res = Response.json(data, { status, headers });
  res.headers.set('cache-control', res.headers.get('cache-control') ?? 'no-store');
  return res;
}

export function errorResponse(error: ApiError): Response {
  const headers: Record<string, string> = {};
  if (error.extra.retryAfterSeconds !== undefined)
    headers['retry-after'] = String(Math.max(1, Math.ceil(error.extra.retryAfterSeconds)));
  return json(error.toBody(), error.status, headers);
}

/**
 * Wraps a route handler: request id, body/query/params parsing with zod, and the mapping of
 * ApiError to JSON. The handler body holds only business logic. Unknown errors are logged with
 * the request id and answered with a generic 500 that never carries a stack trace.
 */
export type RouteOptions<B, Q, P> = { body?: B; query?: Q; params?: P; maxBodyBytes?: number };

export function route<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(
  opts: RouteOptions<B, Q, P>,
  handler: (ctx: RouteContext<B, Q, P>) => Promise<Response> | Response,
) {
  // Each request runs in its trace (the caller's `traceparent`, or a new one): every log line,
  // publish and job it causes carries the same trace id (lib/observability/context.ts).
  return (req: Request, next?: NextContext): Promise<Response> => {
    const requestId = requestIdOf(req);
    return runTraced(req.headers.get('traceparent'), { requestId }, () =>
      answer(req, requestId, next),
    );
  };

  async function answer(req: Request, requestId: string, next?: NextContext): Promise<Response> {
    const started = Date.now();
    const url = new URL(req.url);
    let rawParams: Record<string, string | string[] | undefined> = {};
    let res: Response;
    try {
      rawParams = (await next?.params) ?? {};
      const params = opts.params ? parseWith(opts.params, rawParams, 'params') : undefined;
      const query = opts.query
        ? parseWith(opts.query, Object.fromEntries(url.searchParams), 'query')
        : undefined;
      const body = opts.body
        ? parseWith(opts.body, await readJsonBody(req, opts.maxBodyBytes), 'body')
        : undefined;
      res = await handler({ req, requestId, body, query, params } as RouteContext<B, Q, P>);
    } catch (error) {
      if (error instanceof ApiError) {
        res = errorResponse(error);
      } else {
        log.error(
          { requestId, err: error, method: req.method, url: req.url },
          'unhandled error in route',
        );
        const context = currentContext();
        reportError(error, {
          requestId,
          method: req.method,
          route: routePattern(url.pathname, rawParams),
          ...(context ? { traceId: context.traceId } : {}),
          ...(context?.userId ? { userId: context.userId } : {}),
        });
        res = errorResponse(
          new ApiError(
            'internal',
            `Something went wrong on our side. Try again; if it keeps happening, quote request id ${requestId}.`,
          ),
        );
      }
    }
    res.headers.set('x-request-id', requestId);
    const ms = Date.now() - started;
    log.debug(
      { requestId, method: req.method, path: url.pathname, status: res.status, ms },
      'request',
    );
    observeRequest({
      route: routePattern(url.pathname, rawParams),
      method: req.method,
      status: res.status,
      seconds: ms / 1000,
    });
    return res;
  }
}
