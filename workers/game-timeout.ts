import { runTimeout } from '@/lib/games/server/service';
import type { JobHandler } from '@/lib/jobs/define';

/** A turn's timer ran out: the game ends on time if nobody moved since (lib/games). */
export const gameTimeout: JobHandler<'game-timeout'> = async (payload, { store }) => {
  await runTimeout(store, payload);
};
