import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { toPublicUser } from '@/lib/users/present';
import { usersQuerySchema } from '@/lib/users/schemas';
import { searchPeople } from '@/lib/users/search';

export const runtime = 'nodejs';

/**
 * The directory: people whose name starts with `query`, for starting conversations. A full
 * email finds someone only if they allow it or already share a conversation with the caller.
 */
export const GET = authedRoute(
  {
    query: usersQuerySchema,
    rateLimit: { name: 'users:search', rule: { limit: 60, windowMs: 60_000 }, what: 'searches' },
  },
  async ({ user, query }) => {
    const page = await searchPeople({
      callerId: user.id,
      query: query.query,
      cursor: query.cursor,
      limit: query.limit,
    });
    return json({ users: page.items.map(toPublicUser), nextCursor: page.nextCursor });
  },
);
