import { playAiMove } from '@/lib/games/server/ai';
import type { JobHandler } from '@/lib/jobs/define';

/** Parley AI's turn in a game: its engine moves (lib/games/server/ai.ts). */
export const gameAiMove: JobHandler<'game-ai-move'> = async (payload, { store }) => {
  await playAiMove(store, payload);
};
