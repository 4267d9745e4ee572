import { z } from 'zod';

import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { toPublicUser } from '@/lib/users/present';

export const runtime = 'nodejs';

export const usersQuerySchema = z.object({
  query: z.string().trim().max(100, 'query must be at most 100 characters').default(''),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The directory: people whose name or email starts with `query`, for starting conversations. */
export const GET = authedRoute(
  {
    query: usersQuerySchema,
    rateLimit: { name: 'users:search', rule: { limit: 60, windowMs: 60_000 }, what: 'searches' },
  },
  async ({ user, query }) => {
    const page = await (
      await getStore()
    ).searchUsers({
      query: query.query,
      cursor: query.cursor,
      limit: query.limit,
      excludeId: user.id,
    });
    return json({ users: page.items.map(toPublicUser), nextCursor: page.nextCursor });
  },
);
