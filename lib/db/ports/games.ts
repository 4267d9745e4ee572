import type { Job, NewJob } from '../types';

/** The games the store knows (lib/games/rules has their rules; the store only keeps rows). */
export type GameKindName = 'tictactoe' | 'connect4' | 'chess';
/** `expired`: a challenge nobody answered in time (lib/games, CHALLENGE_TTL_MS). */
export type GameStatus = 'pending' | 'active' | 'ended' | 'declined' | 'expired';
export type GameAiLevel = 'easy' | 'medium' | 'hard';
export type GameEndReason =
  | 'line'
  | 'checkmate'
  | 'stalemate'
  | 'threefold-repetition'
  | 'insufficient-material'
  | 'fifty-moves'
  | 'board-full'
  | 'move-limit'
  | 'timeout'
  | 'resign'
  | 'agreed';

export type GameResult = {
  /** Null for a draw. */
  winnerId: string | null;
  reason: GameEndReason;
  /** The winning line: cell indices or squares; empty when there is none. */
  line: (number | string)[];
};

export type Game = {
  id: string;
  conversationId: string;
  kind: GameKindName;
  status: GameStatus;
  createdBy: string;
  /** Who was challenged; null for an open challenge anyone in the conversation may join. */
  invitedId: string | null;
  /** The players in move order (players[0] moves first); only the challenger while pending. */
  players: string[];
  /** Every move so far, in the game's own notation (lib/games/rules). */
  moves: string[];
  /** Goes up by one with every write: a write names the version it was decided on. */
  version: number;
  /** Time per move (tic-tac-toe, Connect Four); null when the game has a clock instead. */
  turnMs: number | null;
  /** Chess: each player's remaining time in ms, in player order; null without a clock. */
  clocks: number[] | null;
  /** Chess: the time each player started with (a rematch gets the same); null without a clock. */
  clockStartMs: number | null;
  /** When the player to move started thinking (active games). */
  turnStartedAt: Date | null;
  drawOfferedBy: string | null;
  aiLevel: GameAiLevel | null;
  rematchOf: string | null;
  /** The game card (a system message) in the conversation; null until it is posted. */
  cardMessageId: string | null;
  result: GameResult | null;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
};

export type NewGame = Pick<
  Game,
  | 'conversationId'
  | 'kind'
  | 'createdBy'
  | 'invitedId'
  | 'turnMs'
  | 'clocks'
  | 'aiLevel'
  | 'rematchOf'
> & {
  /**
   * At most one game per (createdBy, dedupeKey): the request's clientId, or `rematch:<id>`, so a
   * retried challenge or a double-clicked rematch creates one game.
   */
  dedupeKey: string | null;
};

/** What a write may change. `version` and `updatedAt` are the store's. */
export type GamePatch = Partial<
  Pick<
    Game,
    | 'status'
    | 'players'
    | 'moves'
    | 'clocks'
    | 'turnStartedAt'
    | 'drawOfferedBy'
    | 'result'
    | 'endedAt'
    | 'cardMessageId'
  >
>;

export type GameStat = {
  userId: string;
  kind: GameKindName;
  wins: number;
  losses: number;
  draws: number;
  /** Elo, 1200 to start. */
  rating: number;
};

/** One player's result at a game's end: the counter to add one to and the new rating. */
export type GameStatUpdate = {
  userId: string;
  kind: GameKindName;
  result: 'win' | 'loss' | 'draw';
  rating: number;
};

export const INITIAL_RATING = 1200;

export interface GamesPort {
  /**
   * Creates a pending game at version 1. The same (createdBy, dedupeKey) again returns the game
   * already stored with created: false, and writes nothing.
   */
  createGame(input: NewGame): Promise<{ game: Game; created: boolean }>;
  getGame(input: { id: string }): Promise<Game | null>;
  /** A conversation's games, newest first. */
  listGames(input: { conversationId: string; limit: number }): Promise<Game[]>;
  /**
   * Writes `set` and version + 1 only if the stored version is `expectedVersion` (optimistic
   * concurrency: a decision made on a stale read never lands, so a move is never made twice).
   * With the write that lands, and only with it, in one transaction: `stats` (counters and
   * ratings at a game's end) and `jobs` (the outbox: the next turn's timer, Parley AI's reply).
   * updated: false returns the stored game. Null for an unknown id.
   */
  updateGame(input: {
    id: string;
    expectedVersion: number;
    set: GamePatch;
    stats?: GameStatUpdate[];
    jobs?: NewJob[];
  }): Promise<{ game: Game; updated: boolean; queued: Job[] } | null>;
  /** Stats for these people (a row per game they have finished; none before the first). */
  getGameStats(input: { userIds: string[] }): Promise<GameStat[]>;
}
