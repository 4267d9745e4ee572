import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { toPublicUser } from '@/lib/users/present';
import { searchUsersEndpoint } from '@/lib/users/endpoints';
import { searchPeople } from '@/lib/users/server/search';

export const runtime = 'nodejs';

/**
 * The directory: people whose name starts with `query`, for starting conversations. A full
 * email finds someone only if they allow it or already share a conversation with the caller.
 */
export const GET = handle(searchUsersEndpoint, async ({ user, query }) => {
  const page = await searchPeople({
    callerId: user.id,
    query: query.query,
    cursor: query.cursor,
    limit: query.limit,
  });
  return json({ users: page.items.map(toPublicUser), nextCursor: page.nextCursor });
});

export * from '@/lib/openapi/methods-not-taken';
