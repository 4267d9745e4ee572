import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { leaderboardEndpoint } from '@/lib/games/endpoints';
import { leaderboard } from '@/lib/games/server/stats';

export const runtime = 'nodejs';

export const GET = handle(leaderboardEndpoint, async ({ user, params, query }) => {
  const entries = await leaderboard(await getStore(), user, params.id, query.kind);
  return json({ entries });
});

export * from '@/lib/openapi/methods-not-taken';
