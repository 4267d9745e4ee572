import { turnIndex } from '@/lib/games/clock';
import { gameNames } from '@/lib/games/describe';
import type { GameWire } from '@/lib/games/wire';

const reasons: Partial<Record<string, string>> = {
  timeout: 'on time',
  resign: 'by resignation',
  checkmate: 'by checkmate',
  agreed: 'by agreement',
  stalemate: 'by stalemate',
  'threefold-repetition': 'by repetition',
  'insufficient-material': '(insufficient material)',
  'fifty-moves': '(fifty-move rule)',
  'move-limit': '(move limit)',
};

/** The card's headline from the viewer's side: "Your turn", "Ben's turn", "You won", "Draw". */
export function statusLine(game: GameWire, meId: string, nameOf: (id: string) => string): string {
  const name = gameNames[game.kind];
  switch (game.status) {
    case 'pending':
      return `${nameOf(game.createdBy)} challenged ${game.invitedId ? nameOf(game.invitedId) : 'anyone'} to ${name}`;
    case 'declined':
      return `${name} challenge declined`;
    case 'expired':
      return `${name} challenge expired: nobody accepted it in time`;
    case 'active': {
      const mover = game.players[turnIndex(game.moves)] ?? '';
      return mover === meId ? 'Your turn' : `${nameOf(mover)}’s turn`;
    }
    case 'ended': {
      const winner = game.result?.winnerId ?? null;
      const why = reasons[game.result?.reason ?? ''];
      const head = winner === null ? 'Draw' : winner === meId ? 'You won' : `${nameOf(winner)} won`;
      return why ? `${head} ${why}` : head;
    }
  }
}
