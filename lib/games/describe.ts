import { ASSISTANT_NAME, isAssistant } from '@/lib/assistant/identity';

import type { GameKind } from './rules/types';

export const gameNames: Record<GameKind, string> = {
  tictactoe: 'Tic-tac-toe',
  connect4: 'Connect Four',
  chess: 'Chess',
};

const reasons: Record<string, string> = {
  timeout: ' (time ran out)',
  resign: ' by resignation',
  agreed: ' by agreement',
  stalemate: ' by stalemate',
  'threefold-repetition': ' by threefold repetition',
  'insufficient-material': ' (insufficient material)',
  'fifty-moves': ' by the fifty-move rule',
};

type NameOf = (id: string) => string;

/** Parley AI plays without being a member, so member lists do not name it. */
const withAi =
  (nameOf: NameOf): NameOf =>
  (id) =>
    isAssistant(id) ? ASSISTANT_NAME : nameOf(id);

const plural = (n: number) => `${n} move${n === 1 ? '' : 's'}`;

/** "Ana challenged Ben to Connect Four", "Ana challenged anyone to Chess". */
export function describeChallenge(
  event: { actorId: string; kind: GameKind; invitedId: string | null },
  names: NameOf,
): string {
  const nameOf = withAi(names);
  const actor = nameOf(event.actorId);
  const who = event.invitedId ? nameOf(event.invitedId) : 'anyone';
  return `${actor} challenged ${who} to ${gameNames[event.kind]}`;
}

/** "Ben won Connect Four against Ana in 23 moves", "Ana and Ben drew at Chess after 40 moves". */
export function describeGameEnd(
  event: {
    actorId: string;
    kind: GameKind;
    opponentId: string;
    draw: boolean;
    reason: string;
    moves: number;
  },
  names: NameOf,
): string {
  const nameOf = withAi(names);
  const actor = nameOf(event.actorId);
  const game = gameNames[event.kind];
  const opponent = nameOf(event.opponentId);
  const why = reasons[event.reason] ?? '';
  if (event.draw)
    return `${actor} and ${opponent} drew at ${game} after ${plural(event.moves)}${why}`;
  return `${actor} won ${game} against ${opponent} in ${plural(event.moves)}${why}`;
}
