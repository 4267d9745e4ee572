import { defineEndpoint } from '@/lib/api/endpoint';
import { idParamsSchema } from '@/lib/api/params';
import { conversationParamsSchema } from '@/lib/chat/schemas';

import { createGameSchema, gameActionSchema, leaderboardQuerySchema, moveSchema } from './schemas';
import {
  gameListResponseSchema,
  gameResponseSchema,
  gameStatsResponseSchema,
  leaderboardResponseSchema,
} from './wire';

/**
 * Games: everything about a conversation's games is for its members (everyone else gets 404);
 * only the players move, resign or offer draws (403 for other members).
 */

const tag = 'Games';
const auth = 'session-or-token' as const;

export const createGameEndpoint = defineEndpoint({
  operationId: 'createGame',
  method: 'POST',
  path: '/api/v1/conversations/{id}/games',
  tag,
  summary: 'Challenge a member, Parley AI, or anyone (open); posts the game card',
  auth,
  params: conversationParamsSchema,
  body: createGameSchema,
  responses: {
    201: { description: 'Challenge created', schema: gameResponseSchema },
    200: { description: 'The game this clientId created already', schema: gameResponseSchema },
  },
  rateLimit: { name: 'games:create', rule: { limit: 20, windowMs: 60_000 }, what: 'challenges' },
  errors: { forbidden: 'The opponent is not a member of the conversation, or is you' },
});

export const listGamesEndpoint = defineEndpoint({
  operationId: 'listGames',
  method: 'GET',
  path: '/api/v1/conversations/{id}/games',
  tag,
  summary: 'The conversation’s games, newest first',
  auth,
  params: conversationParamsSchema,
  responses: { 200: { description: 'Games', schema: gameListResponseSchema } },
});

export const leaderboardEndpoint = defineEndpoint({
  operationId: 'getGameLeaderboard',
  method: 'GET',
  path: '/api/v1/conversations/{id}/games/leaderboard',
  tag,
  summary: 'The members’ ratings and records for one game, best first',
  auth,
  params: conversationParamsSchema,
  query: leaderboardQuerySchema,
  responses: { 200: { description: 'Leaderboard', schema: leaderboardResponseSchema } },
});

export const getGameEndpoint = defineEndpoint({
  operationId: 'getGame',
  method: 'GET',
  path: '/api/v1/games/{id}',
  tag,
  summary: 'One game with its moves (members of its conversation)',
  auth,
  params: idParamsSchema,
  responses: { 200: { description: 'Game', schema: gameResponseSchema } },
});

export const actOnGameEndpoint = defineEndpoint({
  operationId: 'actOnGame',
  method: 'POST',
  path: '/api/v1/games/{id}',
  tag,
  summary: 'Accept, decline or join a challenge; resign; offer or accept a draw',
  auth,
  params: idParamsSchema,
  body: gameActionSchema,
  responses: { 200: { description: 'Game', schema: gameResponseSchema } },
  rateLimit: { name: 'games:action', rule: { limit: 60, windowMs: 60_000 }, what: 'game actions' },
  errors: {
    forbidden: 'Only the challenged person (or the players) may do that',
    conflict: 'The game is not in a state that allows it',
  },
});

export const makeMoveEndpoint = defineEndpoint({
  operationId: 'makeMove',
  method: 'POST',
  path: '/api/v1/games/{id}/moves',
  tag,
  summary: 'Make a move on the version you saw; the same move retried answers the game again',
  auth,
  params: idParamsSchema,
  body: moveSchema,
  responses: { 200: { description: 'Game after the move', schema: gameResponseSchema } },
  rateLimit: { name: 'games:move', rule: { limit: 240, windowMs: 60_000 }, what: 'moves' },
  errors: {
    forbidden: 'You are not playing in this game',
    conflict: 'Not your turn, a stale expectedVersion, or the game is not active',
    validation_failed: 'The move is illegal (the message says why)',
  },
});

export const rematchEndpoint = defineEndpoint({
  operationId: 'rematchGame',
  method: 'POST',
  path: '/api/v1/games/{id}/rematch',
  tag,
  summary: 'Challenge the other player again, with the other player starting',
  auth,
  params: idParamsSchema,
  responses: {
    201: { description: 'Rematch challenge', schema: gameResponseSchema },
    200: { description: 'Your rematch of this game, already created', schema: gameResponseSchema },
  },
  rateLimit: { name: 'games:create', rule: { limit: 20, windowMs: 60_000 }, what: 'challenges' },
  errors: {
    forbidden: 'Only a player can ask for a rematch',
    conflict: 'The game has not ended',
  },
});

export const gameStatsEndpoint = defineEndpoint({
  operationId: 'getGameStats',
  method: 'GET',
  path: '/api/v1/users/{id}/game-stats',
  tag,
  summary: 'A person’s wins, losses, draws and rating per game',
  auth,
  params: idParamsSchema,
  responses: { 200: { description: 'Stats', schema: gameStatsResponseSchema } },
});
