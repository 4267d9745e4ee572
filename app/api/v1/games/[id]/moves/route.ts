import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { makeMoveEndpoint } from '@/lib/games/endpoints';
import { toGameWire } from '@/lib/games/server/present';
import { makeMove, requireGameAccess } from '@/lib/games/server/service';

export const runtime = 'nodejs';

/** `{move, expectedVersion}`: 200 with the game after it; 403/409/422 as the descriptor says. */
export const POST = handle(makeMoveEndpoint, async ({ user, params, body }) => {
  const store = await getStore();
  const game = await requireGameAccess(store, params.id, user.id);
  return json({ game: toGameWire(await makeMove(store, user.id, game, body)) });
});

export * from '@/lib/openapi/methods-not-taken';
