import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';
import type { Conversation, User } from '@/lib/db/types';
import { pushNotification } from '@/lib/push/server/send';

import { deliverNotification } from './deliver';

vi.mock('@/lib/push/server/send', () => ({
  pushNotification: vi.fn(async () => ({ sent: 1, failed: 0, removed: 0 })),
}));
vi.mock('@/lib/realtime/server/publish', () => ({ publish: vi.fn(async () => {}) }));
vi.mock('@/lib/email/server/schedule', () => ({ scheduleDigest: vi.fn(async () => {}) }));

const store = createSqliteStore(':memory:');
afterAll(async () => {
  await store.close();
});

let ana: User;
let ben: User;
let conversation: Conversation;
beforeEach(async () => {
  vi.mocked(pushNotification).mockClear();
  const tag = crypto.randomUUID();
  ana = await store.createUser({
    email: `ana-${tag}@example.com`,
    name: 'Ana',
    passwordHash: null,
  });
  ben = await store.createUser({
    email: `ben-${tag}@example.com`,
    name: 'Ben',
    passwordHash: null,
  });
  conversation = (await store.findOrCreateDirect({ userIds: [ana.id, ben.id], createdBy: ana.id }))
    .conversation;
});

const deliver = (messageId: string) =>
  deliverNotification(store, {
    userId: ben.id,
    kind: 'dm',
    conversation,
    actor: ana,
    messageId,
    callId: null,
    seq: 1,
    preview: 'Hello',
  });

describe('deliverNotification and Do not disturb', () => {
  it('pushes to someone who is not in Do not disturb', async () => {
    await deliver('m_1');
    expect(pushNotification).toHaveBeenCalledTimes(1);
  });

  it('sends no push in Do not disturb, but the notification is still stored and counted', async () => {
    await store.updateNotificationSettings({ userId: ben.id, doNotDisturb: true });
    await deliver('m_2');
    expect(pushNotification).not.toHaveBeenCalled();
    expect(await store.countUnreadNotifications({ userId: ben.id })).toBe(1);
  });
});
