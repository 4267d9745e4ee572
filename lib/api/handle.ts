import type { User } from '@/lib/db/types';

import { authedRoute } from './authed-route';
import type { EndpointSpec } from './endpoint';
import {
  bindEndpoint,
  handlePublic,
  type EndpointContext,
  type EndpointHandler,
} from './handle-public';

type Field<E, K extends string> = E extends { [k in K]: infer S } ? S : undefined;

export type HandlerContext<E> = EndpointContext<E> &
  (E extends { auth: 'none' } ? object : { user: User });

/**
 * Builds a route handler from its descriptor: params, query and body parsed with its schemas,
 * who is calling (401 without a session or token) and its rate limit, all by the one wrapper
 * (`route()` / `authedRoute()`); the handler holds only business logic.
 *
 *     export const POST = handle(sendMessageEndpoint, async ({ user, params, body }) => …);
 */
export function handle<const E extends EndpointSpec>(
  endpoint: E,
  handler: (ctx: HandlerContext<E>) => Promise<Response> | Response,
): EndpointHandler {
  if (endpoint.auth === 'none')
    return handlePublic(
      endpoint as E & { auth: 'none' },
      handler as (ctx: EndpointContext<E & { auth: 'none' }>) => Promise<Response> | Response,
    );
  return bindEndpoint(
    endpoint,
    authedRoute<Field<E, 'body'>, Field<E, 'query'>, Field<E, 'params'>>(
      {
        body: endpoint.body as Field<E, 'body'>,
        query: endpoint.query as Field<E, 'query'>,
        params: endpoint.params as Field<E, 'params'>,
        ...(endpoint.rateLimit ? { rateLimit: endpoint.rateLimit } : {}),
      },
      handler,
    ),
  );
}
