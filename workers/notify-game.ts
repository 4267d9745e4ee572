import type { JobHandler } from '@/lib/jobs/define';
import { notifyAboutGame } from '@/lib/notifications/server/notify-game';

/** A challenge to someone, or "Your move" to a player who is away (lib/notifications). */
export const notifyGame: JobHandler<'notify-game'> = async (payload, { store }) => {
  await notifyAboutGame({ store }, payload);
};
