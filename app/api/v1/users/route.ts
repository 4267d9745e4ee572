import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/app-store';
import { toPublicUser } from '@/lib/users/present';
import { usersQuerySchema } from '@/lib/users/schemas';

export const runtime = 'nodejs';

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
