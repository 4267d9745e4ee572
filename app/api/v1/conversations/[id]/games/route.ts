import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { requireMember } from '@/lib/chat/server/access';
import { getStore } from '@/lib/db';
import { createGameEndpoint, listGamesEndpoint } from '@/lib/games/endpoints';
import { toGameWire } from '@/lib/games/server/present';
import { createChallenge } from '@/lib/games/server/service';

export const runtime = 'nodejs';

/** The conversation's games, newest first (members only). */
export const GET = handle(listGamesEndpoint, async ({ user, params }) => {
  const store = await getStore();
  await requireMember(store, params.id, user.id);
  const games = await store.listGames({ conversationId: params.id, limit: 50 });
  return json({ games: games.map(toGameWire) });
});

/** A challenge: 201 with the new game (and its card in the conversation); 200 for a retry. */
export const POST = handle(createGameEndpoint, async ({ user, params, body }) => {
  const { game, created } = await createChallenge(await getStore(), user, params.id, body);
  return json({ game: toGameWire(game) }, created ? 201 : 200);
});

export * from '@/lib/openapi/methods-not-taken';
