import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { rematchEndpoint } from '@/lib/games/endpoints';
import { toGameWire } from '@/lib/games/server/present';
import { rematch } from '@/lib/games/server/service';

export const runtime = 'nodejs';

/** A new challenge to the same opponent, who starts this time; once per player per game. */
export const POST = handle(rematchEndpoint, async ({ user, params }) => {
  const { game, created } = await rematch(await getStore(), user, params.id);
  return json({ game: toGameWire(game) }, created ? 201 : 200);
});

export * from '@/lib/openapi/methods-not-taken';
