import { describe, expect, it } from 'vitest';

import { createSqliteStore } from '@/lib/db/sqlite';

import { MAX_PUSH_SUBSCRIPTIONS, savePushSubscription } from './subscriptions';

describe('savePushSubscription', () => {
  it(`keeps a person's newest ${MAX_PUSH_SUBSCRIPTIONS} browsers, dropping the oldest`, async () => {
    const store = createSqliteStore(':memory:');
    const user = await store.createUser({ email: 'p@example.com', name: 'P', passwordHash: null });
    const other = await store.createUser({ email: 'o@example.com', name: 'O', passwordHash: null });
    const keys = { p256dh: 'p', auth: 'a' };
    await savePushSubscription(store, {
      userId: other.id,
      endpoint: 'https://push.example/o',
      ...keys,
    });
    for (let i = 1; i <= MAX_PUSH_SUBSCRIPTIONS + 2; i++) {
      await savePushSubscription(store, {
        userId: user.id,
        endpoint: `https://push.example/${i}`,
        ...keys,
      });
      // createdAt orders them: one millisecond each.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const kept = (await store.listPushSubscriptions({ userId: user.id })).map((s) => s.endpoint);
    expect(kept).toHaveLength(MAX_PUSH_SUBSCRIPTIONS);
    expect(kept).not.toContain('https://push.example/1');
    expect(kept).not.toContain('https://push.example/2');
    expect(kept).toContain(`https://push.example/${MAX_PUSH_SUBSCRIPTIONS + 2}`);
    // Someone else's are untouched.
    expect(await store.listPushSubscriptions({ userId: other.id })).toHaveLength(1);
  });
});
