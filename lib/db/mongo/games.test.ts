import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';

import { createGameModels, toGame } from './games';

// Compiled on a connection that never opens: the schemas' rules need no server. The adapter's
// queries run in the contract (test/contracts/games.ts) when MONGODB_URI is set.
const offline = mongoose.createConnection();
const { Game, GameStat } = createGameModels(offline);
afterAll(() => offline.close());

const pending = () => ({
  conversationId: 'c_1',
  kind: 'connect4',
  status: 'pending',
  createdBy: 'u_1',
  invitedId: 'u_2',
  players: ['u_1'],
  version: 1,
  turnMs: 60_000,
});

type Index = [Record<string, unknown>, Record<string, unknown>];

describe('mongo game schemas', () => {
  it('declares the listing index, the partial unique dedupe index and the outbox index', () => {
    const indexes = Game.schema.indexes() as Index[];
    expect(indexes).toContainEqual([
      { conversationId: 1, createdAt: -1, _id: -1 },
      expect.anything(),
    ]);
    expect(indexes).toContainEqual([
      { createdBy: 1, dedupeKey: 1 },
      expect.objectContaining({
        unique: true,
        partialFilterExpression: { dedupeKey: { $type: 'string' } },
      }),
    ]);
    expect(indexes.some(([keys]) => 'outboxAt' in keys)).toBe(true);
    expect(GameStat.schema.indexes() as Index[]).toContainEqual([
      { userId: 1, kind: 1 },
      expect.anything(),
    ]);
  });

  it('accepts a pending game with a prefixed id and maps it to the store record', () => {
    const doc = new Game(pending());
    expect(doc.validateSync()).toBeUndefined();
    expect(doc._id).toMatch(/^game_[a-z0-9]{20}$/);
    expect(toGame(doc.toObject())).toStrictEqual({
      id: doc._id,
      conversationId: 'c_1',
      kind: 'connect4',
      status: 'pending',
      createdBy: 'u_1',
      invitedId: 'u_2',
      players: ['u_1'],
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
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      endedAt: null,
    });
  });

  it('accepts an expired challenge with its card (migration 12)', () => {
    const doc = new Game({ ...pending(), status: 'expired', cardMessageId: 'msg_1' });
    expect(doc.validateSync()).toBeUndefined();
    expect(toGame(doc.toObject())).toMatchObject({ status: 'expired', cardMessageId: 'msg_1' });
  });

  it.each([
    ['an unknown kind', { kind: 'checkers' }, 'kind'],
    ['an unknown status', { status: 'paused' }, 'status'],
    ['an unknown AI level', { aiLevel: 'godlike' }, 'aiLevel'],
    ['version 0', { version: 0 }, 'version'],
  ])('refuses %s', (_, change, path) => {
    const error = new Game({ ...pending(), ...change }).validateSync();
    expect(Object.keys(error?.errors ?? {})).toContain(path);
  });

  it('refuses negative stat counters', () => {
    const error = new GameStat({
      _id: 'u_1:chess',
      userId: 'u_1',
      kind: 'chess',
      wins: -1,
      rating: 1200,
    }).validateSync();
    expect(Object.keys(error?.errors ?? {})).toContain('wins');
  });
});
