import { describe, expect, it } from 'vitest';

import { GET as leaderboardRoute } from '@/app/api/v1/conversations/[id]/games/leaderboard/route';
import { POST as rematchRoute } from '@/app/api/v1/games/[id]/rematch/route';
import { GET as statsRoute } from '@/app/api/v1/users/[id]/game-stats/route';
import { ASSISTANT_ID } from '@/lib/assistant/identity';
import { getStore } from '@/lib/db';
import { playAiMove } from '@/lib/games/server/ai';
import { runTimeout } from '@/lib/games/server/service';
import {
  gameResponseSchema,
  gameStatsResponseSchema,
  leaderboardResponseSchema,
} from '@/lib/games/wire';
import {
  expectError,
  fetchMessages,
  getRequest,
  jsonRequest,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';
import {
  actOnGame,
  actOnGameAs,
  createGame,
  createGameAs,
  getGameAs,
  listGames,
  move,
} from '@/test/games';

const rematchAs = (account: TestAccount, gameId: string) =>
  rematchRoute(
    jsonRequest('POST', `/games/${gameId}/rematch`, {}, withCookie(account.cookie)),
    withParams({ id: gameId }),
  );

async function direct() {
  const [a, b, outsider] = await signUpUsers(3);
  const { id } = await startDirect(a, b);
  return { a, b, outsider, conversationId: id };
}

describe('POST /api/v1/conversations/:id/games (challenge)', () => {
  it('challenges the other person in a DM and posts the game card', async () => {
    const { a, b, conversationId } = await direct();
    const game = await createGame(a, conversationId, { kind: 'connect4' });
    expect(game).toMatchObject({
      status: 'pending',
      invitedId: b.user.id,
      players: [a.user.id],
      turnMs: 60_000,
      // 2: the card's id was recorded, with the challenge's expiry and notice (the outbox).
      version: 2,
    });
    const { messages } = await fetchMessages(b, conversationId);
    expect(messages.at(-1)?.system).toEqual({
      type: 'game',
      actorId: a.user.id,
      gameId: game.id,
      kind: 'connect4',
      invitedId: b.user.id,
    });
    expect((await listGames(b, conversationId)).map((g) => g.id)).toEqual([game.id]);
  });

  it('is idempotent by clientId: a retry answers 200 with the same game, one card', async () => {
    const { a, conversationId } = await direct();
    const body = { kind: 'tictactoe', clientId: 'c-1' };
    const first = await createGameAs(a, conversationId, body);
    const again = await createGameAs(a, conversationId, body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const idOf = async (r: Response) => gameResponseSchema.parse(await r.json()).game.id;
    expect(await idOf(again)).toBe(await idOf(first));
    const { messages } = await fetchMessages(a, conversationId);
    expect(messages.filter((m) => m.system?.type === 'game')).toHaveLength(1);
  });

  it('refuses a non-member (404), yourself or a non-member opponent (403), bad bodies (422)', async () => {
    const { a, outsider, conversationId } = await direct();
    await expectError(
      await createGameAs(outsider, conversationId, { kind: 'chess' }),
      404,
      'not_found',
    );
    const self = await createGameAs(a, conversationId, { kind: 'chess', opponentId: a.user.id });
    await expectError(self, 403, 'forbidden');
    const stranger = { kind: 'chess', opponentId: outsider.user.id };
    await expectError(await createGameAs(a, conversationId, stranger), 403, 'forbidden');
    for (const body of [
      {},
      { kind: 'go' },
      { kind: 'chess', turnSeconds: 1 },
      { kind: 'chess', aiLevel: 'godlike' },
    ])
      await expectError(await createGameAs(a, conversationId, body), 422, 'validation_failed');
  });

  it('an open challenge in a group: anyone but the challenger joins, once', async () => {
    const [a, b, c] = await signUpUsers(3);
    const { id } = await startGroup(a, [b, c]);
    const open = await createGame(a, id, { kind: 'tictactoe' });
    expect(open.invitedId).toBeNull();
    await expectError(await actOnGameAs(a, open.id, 'join'), 409, 'conflict');
    const joined = await actOnGame(c, open.id, 'join');
    expect(joined).toMatchObject({ status: 'active', players: [a.user.id, c.user.id] });
    expect(joined.deadline).not.toBeNull();
    await expectError(await actOnGameAs(b, open.id, 'join'), 409, 'conflict');
    // A retried join by the player who joined answers the game.
    expect((await actOnGame(c, open.id, 'join')).version).toBe(joined.version);
  });
});

describe('POST /api/v1/games/:id (actions)', () => {
  it('only the challenged person accepts (403 for others, 404 for non-members)', async () => {
    const [a, b, c, outsider] = await signUpUsers(4);
    const { id } = await startGroup(a, [b, c]);
    const game = await createGame(a, id, { kind: 'connect4', opponentId: b.user.id });
    await expectError(await actOnGameAs(c, game.id, 'accept'), 403, 'forbidden');
    await expectError(await actOnGameAs(outsider, game.id, 'accept'), 404, 'not_found');
    await expectError(await getGameAs(outsider, game.id), 404, 'not_found');
    const accepted = await actOnGame(b, game.id, 'accept');
    expect(accepted.players).toEqual([a.user.id, b.user.id]);
    // Spectators read it.
    expect((await getGameAs(c, game.id)).status).toBe(200);
  });

  it('declines once (idempotent); a declined challenge cannot be accepted', async () => {
    const { a, b, conversationId } = await direct();
    const game = await createGame(a, conversationId, { kind: 'chess' });
    const declined = await actOnGame(b, game.id, 'decline');
    expect(declined.status).toBe('declined');
    expect((await actOnGame(b, game.id, 'decline')).version).toBe(declined.version);
    await expectError(await actOnGameAs(b, game.id, 'accept'), 409, 'conflict');
  });

  it('resigns: the other player wins, stats and ratings move', async () => {
    const { a, b, conversationId } = await direct();
    const game = await actOnGame(
      b,
      (await createGame(a, conversationId, { kind: 'chess' })).id,
      'accept',
    );
    const ended = await actOnGame(a, game.id, 'resign');
    expect(ended.result).toEqual({ winnerId: b.user.id, reason: 'resign', line: [] });
    const res = await statsRoute(
      getRequest(`/users/${b.user.id}/game-stats`, withCookie(a.cookie)),
      withParams({ id: b.user.id }),
    );
    expect(gameStatsResponseSchema.parse(await res.json()).stats).toEqual([
      { userId: b.user.id, kind: 'chess', wins: 1, losses: 0, draws: 0, rating: 1216 },
    ]);
    const missing = await statsRoute(
      getRequest('/users/u_missing/game-stats', withCookie(a.cookie)),
      withParams({ id: 'u_missing' }),
    );
    await expectError(missing, 404, 'not_found');
    const board = await leaderboardRoute(
      getRequest(
        `/conversations/${conversationId}/games/leaderboard?kind=chess`,
        withCookie(a.cookie),
      ),
      withParams({ id: conversationId }),
    );
    expect(
      leaderboardResponseSchema.parse(await board.json()).entries.map((e) => e.userId),
    ).toEqual([b.user.id, a.user.id]);
  });

  it('draws by offer and acceptance; one cannot accept their own offer', async () => {
    const { a, b, conversationId } = await direct();
    const game = await actOnGame(
      b,
      (await createGame(a, conversationId, { kind: 'chess' })).id,
      'accept',
    );
    await expectError(await actOnGameAs(b, game.id, 'accept-draw'), 409, 'conflict');
    const offered = await actOnGame(a, game.id, 'offer-draw');
    expect(offered.drawOfferedBy).toBe(a.user.id);
    await expectError(await actOnGameAs(a, game.id, 'accept-draw'), 409, 'conflict');
    const drawn = await actOnGame(b, game.id, 'accept-draw');
    expect(drawn.result).toEqual({ winnerId: null, reason: 'agreed', line: [] });
    const { messages } = await fetchMessages(a, conversationId);
    expect(messages.at(-1)?.system).toMatchObject({
      type: 'game.ended',
      draw: true,
      reason: 'agreed',
    });
  });

  it('rematch: once per player, the other player starts', async () => {
    const { a, b, outsider, conversationId } = await direct();
    const game = await actOnGame(
      b,
      (await createGame(a, conversationId, { kind: 'tictactoe' })).id,
      'accept',
    );
    await expectError(await rematchAs(a, game.id), 409, 'conflict');
    await actOnGame(a, game.id, 'resign');
    await expectError(await rematchAs(outsider, game.id), 404, 'not_found');
    const first = await rematchAs(a, game.id);
    const again = await rematchAs(a, game.id);
    expect([first.status, again.status]).toEqual([201, 200]);
    const next = gameResponseSchema.parse(await first.json()).game;
    expect(next).toMatchObject({ rematchOf: game.id, invitedId: b.user.id, status: 'pending' });
    const started = await actOnGame(b, next.id, 'accept');
    expect(started.players).toEqual([b.user.id, a.user.id]);
  });

  it('a chess rematch keeps the clock the players chose', async () => {
    const { a, b, conversationId } = await direct();
    const pending = await createGame(a, conversationId, { kind: 'chess', clockSeconds: 180 });
    expect(pending.clocks).toEqual([180_000, 180_000]);
    const game = await actOnGame(b, pending.id, 'accept');
    await move(game.players[0] === a.user.id ? a : b, game, 'e2e4');
    await actOnGame(a, game.id, 'resign');
    const next = gameResponseSchema.parse(await (await rematchAs(b, game.id)).json()).game;
    expect(next.clocks).toEqual([180_000, 180_000]);
  });

  it('refuses unknown actions (422)', async () => {
    const { a, conversationId } = await direct();
    const game = await createGame(a, conversationId, { kind: 'chess' });
    await expectError(await actOnGameAs(a, game.id, 'castle'), 422, 'validation_failed');
  });
});

describe('turn timers and Parley AI', () => {
  it('a timeout ends the game only if the version has not moved', async () => {
    const { a, b, conversationId } = await direct();
    const pending = await createGame(a, conversationId, { kind: 'connect4', turnSeconds: 5 });
    const game = await actOnGame(b, pending.id, 'accept');
    const store = await getStore();
    const late = () => new Date(Date.now() + 10_000);
    const moved = await move(a, game, '3');
    // The timer set for the accepted version finds the game moved on: nothing happens.
    await runTimeout(store, { gameId: game.id, version: game.version }, { now: late });
    expect((await store.getGame({ id: game.id }))!.status).toBe('active');
    // Before the deadline, the current timer does nothing either.
    await runTimeout(store, { gameId: game.id, version: moved.version });
    expect((await store.getGame({ id: game.id }))!.status).toBe('active');
    await runTimeout(store, { gameId: game.id, version: moved.version }, { now: late });
    const ended = await store.getGame({ id: game.id });
    expect(ended).toMatchObject({
      status: 'ended',
      result: { winnerId: a.user.id, reason: 'timeout' },
    });
    // The timeout job is queued with the move, delayed to the deadline (the outbox).
    const timer = await store.getJobByDedupeId({
      dedupeId: `game-timeout:${game.id}:${moved.version}`,
    });
    expect(timer?.runAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('Parley AI accepts at once and answers each move through its job', async () => {
    const { a, conversationId } = await direct();
    const game = await createGame(a, conversationId, {
      kind: 'chess',
      opponentId: ASSISTANT_ID,
      aiLevel: 'easy',
    });
    expect(game).toMatchObject({
      status: 'active',
      players: [a.user.id, ASSISTANT_ID],
      aiLevel: 'easy',
    });
    const store = await getStore();
    const after = await move(a, game, 'e2e4');
    expect(
      await store.getJobByDedupeId({ dedupeId: `game-ai-move:${game.id}:${after.version}` }),
    ).not.toBeNull();
    await playAiMove(store, { gameId: game.id, version: after.version });
    const replied = await store.getGame({ id: game.id });
    expect(replied!.moves).toHaveLength(2);
    // The same job again does nothing: the game moved on.
    await playAiMove(store, { gameId: game.id, version: after.version });
    expect((await store.getGame({ id: game.id }))!.moves).toHaveLength(2);
  });
});
