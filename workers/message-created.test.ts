import { describe, expect, it, vi } from 'vitest';

import { getStore } from '@/lib/app-store';
import type { Delivery } from '@/lib/notifications/server/deliver';
import { uniqueEmail } from '@/test/api';

import { processMessageCreated } from './message-created';

/** A group of four; `dan` hears of every message. Ana wrote a root. */
async function thread() {
  const store = await getStore();
  const [ana, ben, cy, dan] = await Promise.all(
    ['Ana', 'Ben', 'Cy', 'Dan'].map((name) =>
      store.createUser({ email: uniqueEmail('thread'), name, passwordHash: null }),
    ),
  );
  const group = await store.createGroup({
    name: 'Threads',
    ownerId: ana!.id,
    memberIds: [ben!.id, cy!.id, dan!.id],
  });
  await store.updateNotificationSettings({ userId: dan!.id, level: 'all' });
  const { message: root } = await store.createMessage({
    conversationId: group.id,
    authorId: ana!.id,
    body: 'Root',
  });
  return { store, ana: ana!, ben: ben!, cy: cy!, dan: dan!, group, root };
}

async function notified(messageId: string) {
  const store = await getStore();
  const deliver = vi.fn<(s: unknown, d: Delivery) => Promise<void>>(async () => undefined);
  await processMessageCreated(
    { store, viewersOf: async () => [], deliver, requestAssistantReply: async () => undefined },
    { messageId },
  );
  return deliver.mock.calls.map(([, d]) => [d.userId, d.kind]);
}

describe('message-created for thread replies', () => {
  it('notifies the followers as a reply and the mentioned as a mention, not the whole group', async () => {
    const { store, ana, ben, cy, group, root } = await thread();
    const { message } = await store.createMessage({
      conversationId: group.id,
      authorId: ben.id,
      body: '@Cy look',
      mentions: [cy.id],
      threadRootId: root.id,
    });
    expect((await notified(message.id)).sort()).toEqual(
      [
        [ana.id, 'reply'],
        [cy.id, 'mention'],
      ].sort(),
    );
  });

  it('notifies people who hear of every message when the reply is also sent to the conversation', async () => {
    const { store, ana, ben, dan, group, root } = await thread();
    const { message } = await store.createMessage({
      conversationId: group.id,
      authorId: ben.id,
      body: 'For everyone',
      threadRootId: root.id,
      alsoInConversation: true,
    });
    expect((await notified(message.id)).sort()).toEqual(
      [
        [ana.id, 'reply'],
        [dan.id, 'message'],
      ].sort(),
    );
  });
});
