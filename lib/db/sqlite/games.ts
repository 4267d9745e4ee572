import { z } from 'zod';

import { newId } from '../ids';
import { parseJsonColumn, stringListSchema } from '../json-columns';
import type {
  Game,
  GameAiLevel,
  GameKindName,
  GamePatch,
  GameResult,
  GamesPort,
  GameStat,
  GameStatus,
} from '../ports/games';
import { INITIAL_RATING } from '../ports/games';
import { isUniqueViolation, type Db } from './connection';
import { jobInserter } from './jobs';

// The CHECK constraints of the games migration guarantee kind, status and ai_level.
type GameRow = {
  id: string;
  conversation_id: string;
  kind: GameKindName;
  status: GameStatus;
  created_by: string;
  invited_id: string | null;
  players: string;
  moves: string;
  version: number;
  turn_ms: number | null;
  clocks: string | null;
  clock_start_ms: number | null;
  turn_started_at: number | null;
  draw_offered_by: string | null;
  ai_level: GameAiLevel | null;
  rematch_of: string | null;
  result: string | null;
  dedupe_key: string | null;
  created_at: number;
  updated_at: number;
  ended_at: number | null;
  card_message_id: string | null;
};

const clocksSchema = z.array(z.number());
const resultSchema: z.ZodType<GameResult> = z.object({
  winnerId: z.string().nullable(),
  reason: z.enum([
    'line',
    'checkmate',
    'stalemate',
    'threefold-repetition',
    'insufficient-material',
    'fifty-moves',
    'board-full',
    'move-limit',
    'timeout',
    'resign',
    'agreed',
  ]),
  line: z.array(z.union([z.number(), z.string()])),
});

const date = (ms: number | null) => (ms === null ? null : new Date(ms));
const ms = (d: Date | null) => (d === null ? null : d.getTime());
const json = (v: unknown) => (v === null ? null : JSON.stringify(v));

export function toGame(row: GameRow): Game {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    kind: row.kind,
    status: row.status,
    createdBy: row.created_by,
    invitedId: row.invited_id,
    players: parseJsonColumn(stringListSchema, row.players) ?? [],
    moves: parseJsonColumn(stringListSchema, row.moves) ?? [],
    version: row.version,
    turnMs: row.turn_ms,
    clocks: parseJsonColumn(clocksSchema, row.clocks),
    clockStartMs: row.clock_start_ms,
    turnStartedAt: date(row.turn_started_at),
    drawOfferedBy: row.draw_offered_by,
    aiLevel: row.ai_level,
    rematchOf: row.rematch_of,
    cardMessageId: row.card_message_id,
    result: parseJsonColumn(resultSchema, row.result),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    endedAt: date(row.ended_at),
  };
}

/** GamePatch field → column and how it is stored. */
const columns: { [K in keyof Required<GamePatch>]: [string, (v: GamePatch[K]) => unknown] } = {
  status: ['status', (v) => v],
  players: ['players', (v) => json(v ?? [])],
  moves: ['moves', (v) => json(v ?? [])],
  clocks: ['clocks', (v) => json(v ?? null)],
  turnStartedAt: ['turn_started_at', (v) => ms(v ?? null)],
  drawOfferedBy: ['draw_offered_by', (v) => v ?? null],
  result: ['result', (v) => json(v ?? null)],
  endedAt: ['ended_at', (v) => ms(v ?? null)],
  cardMessageId: ['card_message_id', (v) => v ?? null],
};

export function gameFunctions(db: Db): GamesPort {
  const byId = db.prepare<[string], GameRow>('SELECT * FROM games WHERE id = ?');
  const byKey = db.prepare<[string, string], GameRow>(
    'SELECT * FROM games WHERE created_by = ? AND dedupe_key = ?',
  );
  const recent = db.prepare<[string, number], GameRow>(
    'SELECT * FROM games WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
  );
  const insert = db.prepare(
    `INSERT INTO games (id, conversation_id, kind, status, created_by, invited_id, players, moves,
       version, turn_ms, clocks, clock_start_ms, ai_level, rematch_of, dedupe_key, created_at,
       updated_at)
     VALUES (@id, @conversationId, @kind, 'pending', @createdBy, @invitedId, @players, '[]', 1,
       @turnMs, @clocks, @clockStartMs, @aiLevel, @rematchOf, @dedupeKey, @now, @now)`,
  );
  const bumpStat = db.prepare<[string, GameKindName, number, number, number, number]>(
    `INSERT INTO game_stats (user_id, kind, wins, losses, draws, rating) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (user_id, kind) DO UPDATE SET wins = wins + excluded.wins,
       losses = losses + excluded.losses, draws = draws + excluded.draws, rating = excluded.rating`,
  );
  const insertJobs = jobInserter(db);
  const get = (id: string) => {
    const row = byId.get(id);
    return row ? toGame(row) : null;
  };

  const update = db.transaction(
    ({
      id,
      expectedVersion,
      set,
      stats = [],
      jobs = [],
    }: Parameters<GamesPort['updateGame']>[0]) => {
      const assignments: string[] = ['version = version + 1', 'updated_at = @now'];
      const values: Record<string, unknown> = { id, expectedVersion, now: Date.now() };
      for (const [key, value] of Object.entries(set) as [keyof GamePatch, unknown][]) {
        if (value === undefined) continue;
        const [column, encode] = columns[key] as [string, (v: unknown) => unknown];
        assignments.push(`${column} = @${key}`);
        values[key] = encode(value);
      }
      // The column names come from the fixed table above, never from input.
      const { changes } = db
        .prepare(
          `UPDATE games SET ${assignments.join(', ')} WHERE id = @id AND version = @expectedVersion`,
        )
        .run(values);
      const game = get(id);
      if (!game) return null;
      if (changes !== 1) return { game, updated: false, queued: [] };
      for (const s of stats)
        bumpStat.run(
          s.userId,
          s.kind,
          s.result === 'win' ? 1 : 0,
          s.result === 'loss' ? 1 : 0,
          s.result === 'draw' ? 1 : 0,
          Math.round(s.rating),
        );
      return { game, updated: true, queued: insertJobs(jobs) };
    },
  );

  return {
    async createGame(input) {
      if (input.dedupeKey) {
        const existing = byKey.get(input.createdBy, input.dedupeKey);
        if (existing) return { game: toGame(existing), created: false };
      }
      const id = newId('game');
      try {
        insert.run({
          ...input,
          id,
          players: JSON.stringify([input.createdBy]),
          clocks: json(input.clocks),
          clockStartMs: input.clocks?.[0] ?? null,
          now: Date.now(),
        });
      } catch (error) {
        const existing =
          input.dedupeKey && isUniqueViolation(error)
            ? byKey.get(input.createdBy, input.dedupeKey)
            : undefined;
        if (!existing) throw error;
        return { game: toGame(existing), created: false };
      }
      return { game: get(id)!, created: true };
    },

    async getGame({ id }) {
      return get(id);
    },

    async listGames({ conversationId, limit }) {
      return recent.all(conversationId, limit).map(toGame);
    },

    async updateGame(input) {
      return update.immediate(input);
    },

    async getGameStats({ userIds }) {
      if (userIds.length === 0) return [];
      const rows = db
        .prepare<[string], GameStat & { user_id: string }>(
          `SELECT user_id, kind, wins, losses, draws, rating FROM game_stats
           WHERE user_id IN (SELECT value FROM json_each(?)) ORDER BY user_id, kind`,
        )
        .all(JSON.stringify(userIds));
      return rows.map((r) => ({
        userId: r.user_id,
        kind: r.kind,
        wins: r.wins,
        losses: r.losses,
        draws: r.draws,
        rating: r.rating ?? INITIAL_RATING,
      }));
    },
  };
}
