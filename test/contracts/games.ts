import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { NewGame, Store } from '@/lib/db/store';

import { chatFixtures, type OpenStore } from './fixtures';

const job = (dedupeId: string) => ({
  name: 'game-turn-timeout',
  payload: { gameId: 'g', version: 2 },
  dedupeId,
  dispatcher: 'local' as const,
  runAt: new Date(Date.now() + 60_000),
  maxAttempts: 3,
});

/**
 * The games port (lib/db/ports/games.ts): creating once per dedupe key, conditional writes by
 * version (a stale version never lands, so a move is never made twice), the outbox and stats
 * written only with the write that lands. Every adapter runs it (test/contracts/index.ts).
 */
export function gamesContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: games port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { people, group, tick } = chatFixtures(() => store);

    const challenge = async (extra: Partial<NewGame> = {}) => {
      const [a, b] = (await people(2)) as [string, string];
      const { id: conversationId } = await group(a, [b]);
      const { game } = await store.createGame({
        conversationId,
        kind: 'connect4',
        createdBy: a,
        invitedId: b,
        turnMs: 60_000,
        clocks: null,
        aiLevel: null,
        rematchOf: null,
        dedupeKey: null,
        ...extra,
      });
      return { a, b, conversationId, game };
    };

    it('creates a pending game at version 1 and reads it back', async () => {
      const { a, b, conversationId, game } = await challenge();
      expect(game.id).toMatch(/^game_[a-z0-9]{20}$/);
      expect(game).toStrictEqual({
        id: game.id,
        conversationId,
        kind: 'connect4',
        status: 'pending',
        createdBy: a,
        invitedId: b,
        players: [a],
        moves: [],
        version: 1,
        turnMs: 60_000,
        clocks: null,
        clockStartMs: null,
        turnStartedAt: null,
        drawOfferedBy: null,
        aiLevel: null,
        rematchOf: null,
        cardMessageId: null,
        result: null,
        createdAt: game.createdAt,
        updatedAt: game.updatedAt,
        endedAt: null,
      });
      expect(await store.getGame({ id: game.id })).toStrictEqual(game);
      expect(await store.getGame({ id: 'game_missing' })).toBeNull();
    });

    it('creates one game per (creator, dedupe key), even under concurrent retries', async () => {
      const [a, b] = (await people(2)) as [string, string];
      const { id: conversationId } = await group(a, [b]);
      const input: NewGame = {
        conversationId,
        kind: 'chess',
        createdBy: a,
        invitedId: null,
        turnMs: null,
        clocks: [300_000, 300_000],
        aiLevel: 'hard',
        rematchOf: 'game_x',
        dedupeKey: 'rematch:game_x',
      };
      const results = await Promise.all(Array.from({ length: 4 }, () => store.createGame(input)));
      expect(new Set(results.map((r) => r.game.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(results[0]!.game).toMatchObject({
        clocks: [300_000, 300_000],
        clockStartMs: 300_000,
        aiLevel: 'hard',
      });
      // Without a key, every create is a new game.
      const first = await store.createGame({ ...input, dedupeKey: null });
      const second = await store.createGame({ ...input, dedupeKey: null });
      expect(first.game.id).not.toBe(second.game.id);
    });

    it('writes only on the expected version, and bumps it', async () => {
      const { a, b, game } = await challenge();
      const accepted = await store.updateGame({
        id: game.id,
        expectedVersion: 1,
        set: { status: 'active', players: [b, a], turnStartedAt: new Date(1_000) },
      });
      expect(accepted).toMatchObject({ updated: true, queued: [] });
      expect(accepted!.game).toMatchObject({
        status: 'active',
        players: [b, a],
        version: 2,
        turnStartedAt: new Date(1_000),
      });
      const stale = await store.updateGame({
        id: game.id,
        expectedVersion: 1,
        set: { moves: ['3'] },
      });
      expect(stale).toStrictEqual({ game: accepted!.game, updated: false, queued: [] });
      expect(
        await store.updateGame({ id: 'game_missing', expectedVersion: 1, set: {} }),
      ).toBeNull();
    });

    it('records the card’s message and lets a challenge expire (migration 12)', async () => {
      const { game } = await challenge();
      const carded = await store.updateGame({
        id: game.id,
        expectedVersion: 1,
        set: { cardMessageId: 'msg_card' },
      });
      expect(carded!.game).toMatchObject({ status: 'pending', cardMessageId: 'msg_card' });
      const expired = await store.updateGame({
        id: game.id,
        expectedVersion: 2,
        set: { status: 'expired', endedAt: new Date(5_000) },
      });
      expect(expired!.game).toMatchObject({
        status: 'expired',
        endedAt: new Date(5_000),
        cardMessageId: 'msg_card',
        version: 3,
      });
      expect(await store.getGame({ id: game.id })).toStrictEqual(expired!.game);
    });

    it('lets exactly one of two concurrent moves on one version land', async () => {
      const { game } = await challenge();
      const results = await Promise.all(
        ['1', '2', '3'].map((m) =>
          store.updateGame({ id: game.id, expectedVersion: 1, set: { moves: [m] } }),
        ),
      );
      expect(results.filter((r) => r?.updated)).toHaveLength(1);
      const stored = await store.getGame({ id: game.id });
      expect(stored!.version).toBe(2);
      expect(stored!.moves).toHaveLength(1);
    });

    it('writes jobs (the outbox) only with the write that lands', async () => {
      const { game } = await challenge();
      const dedupe = `game-timer:${game.id}:2`;
      const first = await store.updateGame({
        id: game.id,
        expectedVersion: 1,
        set: { moves: ['0'] },
        jobs: [job(dedupe)],
      });
      expect(first!.queued.map((j) => j.dedupeId)).toEqual([dedupe]);
      const late = await store.updateGame({
        id: game.id,
        expectedVersion: 1,
        set: { moves: ['1'] },
        jobs: [job(`${dedupe}:late`)],
      });
      expect(late!.queued).toEqual([]);
      expect(await store.getJobByDedupeId({ dedupeId: `${dedupe}:late` })).toBeNull();
    });

    it('ends a game with its result and counts stats with the end', async () => {
      const { a, b, game } = await challenge();
      const endedAt = new Date(5_000);
      const ended = await store.updateGame({
        id: game.id,
        expectedVersion: 1,
        set: {
          status: 'ended',
          result: { winnerId: a, reason: 'line', line: [38, 31, 24, 17] },
          endedAt,
          drawOfferedBy: null,
        },
        stats: [
          { userId: a, kind: 'connect4', result: 'win', rating: 1216 },
          { userId: b, kind: 'connect4', result: 'loss', rating: 1184 },
        ],
      });
      expect(ended!.game).toMatchObject({
        status: 'ended',
        result: { winnerId: a, reason: 'line', line: [38, 31, 24, 17] },
        endedAt,
      });
      await store.updateGame({
        id: game.id,
        expectedVersion: 1,
        set: {},
        stats: [{ userId: a, kind: 'connect4', result: 'win', rating: 9999 }],
      });
      await tick();
      const draw = await challenge();
      await store.updateGame({
        id: draw.game.id,
        expectedVersion: 1,
        set: { status: 'ended' },
        stats: [
          { userId: a, kind: 'chess', result: 'draw', rating: 1200.4 },
          { userId: a, kind: 'connect4', result: 'loss', rating: 1201 },
        ],
      });
      expect(await store.getGameStats({ userIds: [a, b, 'u_nobody'] })).toEqual(
        expect.arrayContaining([
          { userId: a, kind: 'connect4', wins: 1, losses: 1, draws: 0, rating: 1201 },
          { userId: a, kind: 'chess', wins: 0, losses: 0, draws: 1, rating: 1200 },
          { userId: b, kind: 'connect4', wins: 0, losses: 1, draws: 0, rating: 1184 },
        ]),
      );
      expect(await store.getGameStats({ userIds: [a, b] })).toHaveLength(3);
      expect(await store.getGameStats({ userIds: [] })).toEqual([]);
    });

    it("lists a conversation's games newest first, limited", async () => {
      const { a, b, conversationId, game } = await challenge();
      await tick();
      const { game: second } = await store.createGame({
        conversationId,
        kind: 'tictactoe',
        createdBy: b,
        invitedId: a,
        turnMs: 60_000,
        clocks: null,
        aiLevel: null,
        rematchOf: game.id,
        dedupeKey: null,
      });
      const listed = await store.listGames({ conversationId, limit: 10 });
      expect(listed.map((g) => g.id)).toEqual([second.id, game.id]);
      expect(await store.listGames({ conversationId, limit: 1 })).toHaveLength(1);
      expect(await store.listGames({ conversationId: 'c_none', limit: 5 })).toEqual([]);
    });
  });
}
