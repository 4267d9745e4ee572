import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/app-store';
import { toPublicUser } from '@/lib/users/present';
import { searchUsersEndpoint } from '@/lib/users/endpoints';

export const runtime = 'nodejs';

/** The directory: people whose name or email starts with `query`, for starting conversations. */
export const GET = handle(searchUsersEndpoint, async ({ user, query }) => {
  const page = await (
    await getStore()
  ).searchUsers({
    query: query.query,
    cursor: query.cursor,
    limit: query.limit,
    excludeId: user.id,
  });
  return json({ users: page.items.map(toPublicUser), nextCursor: page.nextCursor });
});
