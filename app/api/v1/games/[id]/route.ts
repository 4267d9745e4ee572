import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { actOnGameEndpoint, getGameEndpoint } from '@/lib/games/endpoints';
import { toGameWire } from '@/lib/games/server/present';
import { actOnGame, getGameFor } from '@/lib/games/server/service';

export const runtime = 'nodejs';

/** One game with its moves: what a client resyncs from (members of its conversation). */
export const GET = handle(getGameEndpoint, async ({ user, params }) => {
  const game = await getGameFor(await getStore(), user, params.id);
  return json({ game: toGameWire(game) });
});

/** accept / join / decline a challenge; resign; offer-draw / accept-draw. */
export const POST = handle(actOnGameEndpoint, async ({ user, params, body }) => {
  const game = await actOnGame(await getStore(), user, params.id, body.action);
  return json({ game: toGameWire(game) });
});

export * from '@/lib/openapi/methods-not-taken';
