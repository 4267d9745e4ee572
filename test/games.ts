/**
 * Helpers for the game route tests: create, act on, move and read games through the route
 * handlers, parsed with the documented schemas.
 */
import { expect } from 'vitest';

import { GET as listRoute, POST as createRoute } from '@/app/api/v1/conversations/[id]/games/route';
import { POST as moveRoute } from '@/app/api/v1/games/[id]/moves/route';
import { GET as getRoute, POST as actionRoute } from '@/app/api/v1/games/[id]/route';
import { gameListResponseSchema, gameResponseSchema, type GameWire } from '@/lib/games/wire';
import { getRequest, jsonRequest, withCookie, withParams, type TestAccount } from '@/test/api';

export const createGameAs = (account: TestAccount, conversationId: string, body: unknown) =>
  createRoute(
    jsonRequest('POST', `/conversations/${conversationId}/games`, body, withCookie(account.cookie)),
    withParams({ id: conversationId }),
  );

export async function createGame(
  account: TestAccount,
  conversationId: string,
  body: Record<string, unknown>,
): Promise<GameWire> {
  const res = await createGameAs(account, conversationId, body);
  expect(res.status, 'the challenge is created').toBe(201);
  return gameResponseSchema.parse(await res.json()).game;
}

export const actOnGameAs = (account: TestAccount, gameId: string, action: string) =>
  actionRoute(
    jsonRequest('POST', `/games/${gameId}`, { action }, withCookie(account.cookie)),
    withParams({ id: gameId }),
  );

export async function actOnGame(account: TestAccount, gameId: string, action: string) {
  const res = await actOnGameAs(account, gameId, action);
  expect(res.status, `${action} succeeds`).toBe(200);
  return gameResponseSchema.parse(await res.json()).game;
}

export const moveAs = (account: TestAccount, gameId: string, body: unknown) =>
  moveRoute(
    jsonRequest('POST', `/games/${gameId}/moves`, body, withCookie(account.cookie)),
    withParams({ id: gameId }),
  );

/** A move that must land; returns the game after it. */
export async function move(account: TestAccount, game: GameWire, m: string): Promise<GameWire> {
  const res = await moveAs(account, game.id, { move: m, expectedVersion: game.version });
  expect(res.status, `move ${m} lands`).toBe(200);
  return gameResponseSchema.parse(await res.json()).game;
}

export const getGameAs = (account: TestAccount, gameId: string) =>
  getRoute(getRequest(`/games/${gameId}`, withCookie(account.cookie)), withParams({ id: gameId }));

export async function listGames(account: TestAccount, conversationId: string) {
  const res = await listRoute(
    getRequest(`/conversations/${conversationId}/games`, withCookie(account.cookie)),
    withParams({ id: conversationId }),
  );
  expect(res.status).toBe(200);
  return gameListResponseSchema.parse(await res.json()).games;
}
