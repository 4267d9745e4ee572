import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';

import { createThreadModels } from './thread-models';

// Compiled on a connection that never opens: schemas and validation need no server.
const offline = mongoose.createConnection();
const { Thread, ThreadMembership, Pin, PinSetting } = createThreadModels(offline);
afterAll(() => offline.close());

const indexes = (model: { schema: { indexes(): unknown[] } }) => model.schema.indexes();

describe('mongo thread and pin schemas', () => {
  it('declares the indexes threads and pins rely on', () => {
    expect(indexes(ThreadMembership)).toEqual([
      [{ rootId: 1, userId: 1 }, expect.objectContaining({ unique: true })],
      [{ userId: 1, following: 1 }, expect.not.objectContaining({ unique: true })],
    ]);
    expect(indexes(Pin)).toEqual([
      [{ conversationId: 1, messageId: 1 }, expect.objectContaining({ unique: true })],
      [{ conversationId: 1, pinnedAt: -1 }, expect.not.objectContaining({ unique: true })],
    ]);
    expect(indexes(Thread)).toEqual([]);
    expect(Thread.collection.collectionName).toBe('threads');
  });

  it('validates summaries, memberships, pins and policies', async () => {
    const at = new Date();
    await expect(
      new Thread({
        _id: 'm_1',
        conversationId: 'c_1',
        replyCount: 1,
        lastReplySeq: 2,
        lastReplyAt: at,
      }).validate(),
    ).resolves.toBeUndefined();
    await expect(
      new Thread({
        _id: 'm_1',
        conversationId: 'c_1',
        replyCount: -1,
        lastReplySeq: 0,
        lastReplyAt: at,
      }).validate(),
    ).rejects.toThrow(/replyCount|lastReplySeq/);
    const membership = new ThreadMembership({
      rootId: 'm_1',
      userId: 'u_1',
      conversationId: 'c_1',
      following: true,
      updatedAt: at,
    });
    await expect(membership.validate()).resolves.toBeUndefined();
    expect(membership.lastReadSeq).toBe(0);
    await expect(
      new Pin({ conversationId: 'c_1', messageId: 'm_1', pinnedAt: at }).validate(),
    ).rejects.toThrow(/pinnedBy/);
    await expect(new PinSetting({ _id: 'c_1', policy: 'anyone' }).validate()).rejects.toThrow(
      /policy/,
    );
    await expect(
      new PinSetting({ _id: 'c_1', policy: 'everyone' }).validate(),
    ).resolves.toBeUndefined();
  });
});
