import { checkAnswer } from './contract';
import type { EndpointSpec } from './endpoint';
import { route, type RouteContext } from './route';

type Field<E, K extends string> = E extends { [k in K]: infer S } ? S : undefined;

export type EndpointContext<E> = RouteContext<
  Field<E, 'body'>,
  Field<E, 'query'>,
  Field<E, 'params'>
>;

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** A route handler that remembers its descriptor (the route-to-document test reads it). */
export type EndpointHandler = ((req: Request, next?: NextContext) => Promise<Response>) & {
  endpoint: EndpointSpec;
};

/** Marks a route function with its descriptor and holds its answers to it (outside production). */
export function bindEndpoint(
  endpoint: EndpointSpec,
  run: (req: Request, next?: NextContext) => Promise<Response>,
): EndpointHandler {
  const bound = async (req: Request, next?: NextContext) =>
    checkAnswer(endpoint, await run(req, next));
  return Object.assign(bound, { endpoint });
}

/**
 * `handle()` for endpoints that need no sign-in, without importing authentication (and so the
 * store): edge routes such as `/api/v1/openapi.json` use it.
 */
export function handlePublic<const E extends EndpointSpec & { auth: 'none' }>(
  endpoint: E,
  handler: (ctx: EndpointContext<E>) => Promise<Response> | Response,
): EndpointHandler {
  if (endpoint.rateLimit)
    throw new Error(`${endpoint.operationId}: rate limits are per person; it needs auth`);
  return bindEndpoint(
    endpoint,
    route<Field<E, 'body'>, Field<E, 'query'>, Field<E, 'params'>>(
      {
        body: endpoint.body as Field<E, 'body'>,
        query: endpoint.query as Field<E, 'query'>,
        params: endpoint.params as Field<E, 'params'>,
      },
      handler,
    ),
  );
}
