import type { z } from 'zod';

import { authenticate } from '@/lib/auth/server/authenticate';
import type { RateRule } from '@/lib/cache/rate-limit';
import type { User } from '@/lib/db/types';
import { setContextUser } from '@/lib/observability/context';

import { ApiError } from './errors';
import { enforceRateLimit } from './rate-limit';
import { route, type RouteContext, type RouteOptions } from './route';
import { assertSameOrigin, hasBearer } from './same-origin';

type Schema = z.ZodType;

/**
 * `route()` plus who is calling: a session cookie or a bearer API token, else 401. A write with
 * the cookie must come from the app's own origin (403 cross_origin otherwise). With
 * `rateLimit`, each person gets `rule` per `name` (429 with Retry-After past it). Handlers get
 * `user` and hold only their business logic.
 */
export function authedRoute<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(
  opts: RouteOptions<B, Q, P> & { rateLimit?: { name: string; rule: RateRule; what?: string } },
  handler: (ctx: RouteContext<B, Q, P> & { user: User }) => Promise<Response> | Response,
) {
  return route<B, Q, P>(opts, async (ctx) => {
    const user = await authenticate(ctx.req.headers);
    if (!user)
      throw new ApiError(
        'unauthorized',
        'Sign in, or send an API token as "Authorization: Bearer <token>".',
      );
    // Error reports and logs from here on name the person by id (never by email).
    setContextUser(user.id);
    if (!hasBearer(ctx.req.headers)) assertSameOrigin(ctx.req);
    if (opts.rateLimit)
      await enforceRateLimit(
        `${opts.rateLimit.name}:${user.id}`,
        opts.rateLimit.rule,
        opts.rateLimit.what,
      );
    return handler({ ...ctx, user });
  });
}
