import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { gameStatsEndpoint } from '@/lib/games/endpoints';
import { statsOf } from '@/lib/games/server/stats';

export const runtime = 'nodejs';

export const GET = handle(gameStatsEndpoint, async ({ params }) => {
  return json({ stats: await statsOf(await getStore(), params.id) });
});

export * from '@/lib/openapi/methods-not-taken';
