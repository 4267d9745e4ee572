import 'server-only';

import type { Game } from '@/lib/db/store';

import { deadlineOf } from '../clock';
import type { GameWire } from '../wire';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toGameWire(game: Game): GameWire {
  return {
    id: game.id,
    conversationId: game.conversationId,
    kind: game.kind,
    status: game.status,
    createdBy: game.createdBy,
    invitedId: game.invitedId,
    players: game.players,
    moves: game.moves,
    version: game.version,
    turnMs: game.turnMs,
    clocks: game.clocks,
    turnStartedAt: iso(game.turnStartedAt),
    deadline: iso(deadlineOf(game)),
    drawOfferedBy: game.drawOfferedBy,
    aiLevel: game.aiLevel,
    rematchOf: game.rematchOf,
    result: game.result,
    createdAt: game.createdAt.toISOString(),
    endedAt: iso(game.endedAt),
  };
}
