import type { Store } from '@/lib/db/store';
import type { Notification, NotificationKind } from '@/lib/db/types';

import { chatFixtures } from './fixtures';

/** What the notifications contracts (notifications.ts, notification-deliveries.ts) build on. */
export function notificationHelpers(store: () => Store) {
  const { tick, people, group, post } = chatFixtures(store);
  const ids = (items: Notification[]) => items.map((n) => n.id);

  /** Two people in a group; `notify` creates b's notification about a new message by a. */
  const pair = async () => {
    const [a, b] = (await people(2)) as [string, string];
    const { id: conversationId } = await group(a, [b]);
    const notify = async (kind: NotificationKind = 'mention', inConversation = conversationId) => {
      const message = await post(inConversation, a, 'hey @b');
      const { notification } = await store().createNotification({
        userId: b,
        kind,
        conversationId: inConversation,
        messageId: message.id,
        callId: null,
        seq: message.seq,
        actorId: a,
        preview: 'hey @b',
      });
      return notification;
    };
    return { a, b, conversationId, notify };
  };
  return { tick, people, group, post, ids, pair };
}
