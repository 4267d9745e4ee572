import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { followThreadEndpoint, unfollowThreadEndpoint } from '@/lib/threads/endpoints';
import { setFollowing } from '@/lib/threads/server/threads';

export const runtime = 'nodejs';

export const PUT = handle(followThreadEndpoint, async ({ user, params }) =>
  json(await setFollowing(await getStore(), user, params.id, true)),
);

export const DELETE = handle(unfollowThreadEndpoint, async ({ user, params }) =>
  json(await setFollowing(await getStore(), user, params.id, false)),
);

export * from '@/lib/openapi/methods-not-taken';
