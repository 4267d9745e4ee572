import { afterEach, describe, expect, it, vi } from 'vitest';

import { gameResponseSchema } from '@/lib/games/wire';
import * as realtime from '@/lib/realtime/server/publish';
import {
  describeJsonBodyErrors,
  expectError,
  fetchMessages,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
} from '@/test/api';
import { actOnGame, createGame, move, moveAs } from '@/test/games';

import { POST } from './route';

afterEach(() => vi.restoreAllMocks());

/** An accepted Connect Four game between a (moves first) and b in a group with spectator c. */
async function connectFour() {
  const [a, b, c, outsider] = await signUpUsers(4);
  const { id: conversationId } = await startGroup(a, [b, c]);
  const pending = await createGame(a, conversationId, { kind: 'connect4', opponentId: b.user.id });
  const game = await actOnGame(b, pending.id, 'accept');
  return { a, b, c, outsider, conversationId, game };
}

describe('POST /api/v1/games/:id/moves', () => {
  it('plays Connect Four to a win: result, winning line, system message from both sides', async () => {
    const { a, b, conversationId, game } = await connectFour();
    const publish = vi.spyOn(realtime, 'publishToConversation');
    let g = game;
    for (const [who, m] of [
      [a, '3'],
      [b, '4'],
      [a, '3'],
      [b, '4'],
      [a, '3'],
      [b, '4'],
    ] as const)
      g = await move(who, g, m);
    expect(g).toMatchObject({ status: 'active', moves: ['3', '4', '3', '4', '3', '4'] });
    const won = await move(a, g, '3');
    expect(won).toMatchObject({
      status: 'ended',
      result: { winnerId: a.user.id, reason: 'line', line: [17, 24, 31, 38] },
      deadline: null,
    });
    // Every move was published to the conversation as game.updated, in version order.
    const versions = publish.mock.calls.flatMap(([p]) =>
      p.events.flatMap((e) => (e.type === 'game.updated' ? [e.game.version] : [])),
    );
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(versions.at(-1)).toBe(won.version);
    const { messages } = await fetchMessages(b, conversationId);
    expect(messages.map((m) => m.system).filter((s) => s?.type === 'game.ended')).toEqual([
      {
        type: 'game.ended',
        actorId: a.user.id,
        gameId: game.id,
        kind: 'connect4',
        opponentId: b.user.id,
        draw: false,
        reason: 'line',
        moves: 7,
      },
    ]);
  });

  it('answers the same move retried with the game, once (idempotent)', async () => {
    const { a, game } = await connectFour();
    const body = { move: '3', expectedVersion: game.version };
    const first = await moveAs(a, game.id, body);
    const again = await moveAs(a, game.id, body);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    const g = gameResponseSchema.parse(await again.json()).game;
    expect(g.moves).toEqual(['3']);
    expect(g.version).toBe(game.version + 1);
  });

  it('refuses a stale expectedVersion (409): never a double move', async () => {
    const { a, b, game } = await connectFour();
    await move(a, game, '3');
    const stale = await moveAs(b, game.id, { move: '4', expectedVersion: game.version });
    await expectError(stale, 409, 'conflict');
  });

  it('lets exactly one of two racing moves on one version land', async () => {
    const { a, game } = await connectFour();
    const results = await Promise.all(
      ['0', '1', '2'].map((m) => moveAs(a, game.id, { move: m, expectedVersion: game.version })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('refuses a move out of turn (409)', async () => {
    const { b, game } = await connectFour();
    const res = await moveAs(b, game.id, { move: '3', expectedVersion: game.version });
    expect((await expectError(res, 409, 'conflict')).message).toBe('It is not your turn.');
  });

  it('refuses an illegal move with the reason (422)', async () => {
    const { a, game } = await connectFour();
    const res = await moveAs(a, game.id, { move: '9', expectedVersion: game.version });
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.message).toBe('A move is a column number from 0 to 6.');
  });

  it('refuses a spectator (403) and a non-member (404)', async () => {
    const { c, outsider, game } = await connectFour();
    const body = { move: '3', expectedVersion: game.version };
    await expectError(await moveAs(c, game.id, body), 403, 'forbidden');
    await expectError(await moveAs(outsider, game.id, body), 404, 'not_found');
    await expectError(await moveAs(c, 'game_nonexistent', body), 404, 'not_found');
  });

  it('refuses moves before the challenge is accepted and after the end (409)', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const pending = await createGame(a, id, { kind: 'tictactoe' });
    const early = await moveAs(a, pending.id, { move: '4', expectedVersion: pending.version });
    await expectError(early, 409, 'conflict');
    const game = await actOnGame(b, pending.id, 'accept');
    const resigned = await actOnGame(b, game.id, 'resign');
    const late = await moveAs(a, game.id, { move: '4', expectedVersion: resigned.version });
    await expectError(late, 409, 'conflict');
  });

  it('plays chess moves in UCI, with clocks counting down for the mover only', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const pending = await createGame(a, id, { kind: 'chess', clockSeconds: 60 });
    const game = await actOnGame(b, pending.id, 'accept');
    expect(game.clocks).toEqual([60_000, 60_000]);
    const after = await move(a, game, 'e2e4');
    expect(after.clocks![1]).toBe(60_000);
    expect(after.clocks![0]).toBeLessThanOrEqual(60_000);
    const res = await moveAs(b, game.id, { move: 'e7e5q', expectedVersion: after.version });
    expect((await expectError(res, 422, 'validation_failed')).message).toBe(
      'Only a pawn on the last rank promotes.',
    );
  });

  describe('bad bodies', async () => {
    const { a, game } = await connectFour();
    describeJsonBodyErrors({
      method: 'POST',
      path: `/games/${game.id}/moves`,
      handler: (req) => POST(req, { params: Promise.resolve({ id: game.id }) }),
      headers: () => withCookie(a.cookie),
    });
    it.each([
      [{}],
      [{ move: '3' }],
      [{ move: '3', expectedVersion: 0 }],
      [{ move: '', expectedVersion: 2 }],
      [{ move: 'x'.repeat(9), expectedVersion: 2 }],
      [{ move: 3, expectedVersion: 2 }],
    ])('refuses %j (422)', async (body) => {
      await expectError(await moveAs(a, game.id, body), 422, 'validation_failed');
    });
  });
});
