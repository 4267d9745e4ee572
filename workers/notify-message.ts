import type { JobHandler } from '@/lib/jobs/define';
import { loadNewMessage, notifyAboutMessage } from '@/lib/notifications/server/notify-message';

/**
 * Notifications for one message. Nothing queues this any more (message-created does the same
 * work); it runs `notify-message` rows queued before the outbox, so an upgrade loses none.
 */
export const notifyMessage: JobHandler<'notify-message'> = async ({ messageId }, { store }) => {
  const context = await loadNewMessage(store, messageId);
  if (context) await notifyAboutMessage({ store }, context);
};
