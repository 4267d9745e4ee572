import { expireChallenge } from '@/lib/games/server/timers';
import type { JobHandler } from '@/lib/jobs/define';

/** A challenge nobody answered in time expires, if it is still pending (lib/games). */
export const gameChallengeExpiry: JobHandler<'game-challenge-expiry'> = async (
  payload,
  { store },
) => {
  await expireChallenge(store, payload);
};
