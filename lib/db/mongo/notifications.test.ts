import mongoose from 'mongoose';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { createModels, type NotificationDoc } from './models';
import { notificationSettingsFunctions, toNotificationSettings } from './notification-settings';
import { notificationFunctions, readFilter, toNotification } from './notifications';
import { pushSubscriptionFunctions, toPushSubscription } from './push-subscriptions';

// Compiled on a connection that never opens: schemas need no server, and the queries are
// checked at the driver boundary. The adapter's behaviour runs in the contract
// (test/contracts/notifications.ts) when MONGODB_URI is set.
const offline = mongoose.createConnection();
const models = createModels(offline);
const { Notification, NotificationSettings, PushSubscription } = models;
afterAll(() => offline.close());
afterEach(() => {
  vi.restoreAllMocks();
});

type IndexSpec = [Record<string, unknown>, Record<string, unknown>];
const indexes = (model: { schema: { indexes(): unknown[] } }) =>
  model.schema.indexes() as IndexSpec[];
/** The fields `validate()` (pre('validate') hooks included) rejects. */
const errorsOf = (doc: { validate(): Promise<void> }) =>
  doc.validate().then(
    () => [],
    (error: { errors?: object }) => Object.keys(error.errors ?? {}).sort(),
  );

const aboutMessage = () => ({
  userId: 'u_b',
  kind: 'mention',
  conversationId: 'c_1',
  messageId: 'm_1',
  callId: null,
  seq: 3,
  actorId: 'u_a',
  preview: 'hey @b',
});

describe('mongo notification schemas', () => {
  it('declares one notification per person per source, and the listing indexes', () => {
    expect(indexes(Notification)).toEqual([
      [{ userId: 1, sourceKey: 1 }, expect.objectContaining({ unique: true })],
      [{ userId: 1, createdAt: -1, _id: -1 }, expect.not.objectContaining({ unique: true })],
      [{ userId: 1, readAt: 1 }, expect.not.objectContaining({ unique: true })],
    ]);
  });

  it('keys settings by user id and push subscriptions by endpoint', () => {
    expect(indexes(NotificationSettings)).toEqual([]);
    expect(new NotificationSettings({ _id: 'u_1' })._id).toBe('u_1');
    expect(indexes(PushSubscription)).toEqual([
      [{ endpoint: 1 }, expect.objectContaining({ unique: true })],
      [{ userId: 1, createdAt: 1 }, expect.not.objectContaining({ unique: true })],
    ]);
  });

  it('accepts a notification about a message, keyed by it, and maps it', async () => {
    const doc = new Notification(aboutMessage());
    expect(await errorsOf(doc)).toEqual([]);
    expect(doc._id).toMatch(/^ntf_[a-z0-9]{20}$/);
    expect(doc.sourceKey).toBe('m_1');
    expect(toNotification(doc.toObject())).toStrictEqual({
      id: doc._id,
      ...aboutMessage(),
      createdAt: doc.createdAt,
      readAt: null,
      pushedAt: null,
      emailedAt: null,
    });
  });

  it('keys a missed call by the call id', async () => {
    const doc = new Notification({
      ...aboutMessage(),
      kind: 'missed_call',
      messageId: null,
      callId: 'call_1',
      seq: null,
    });
    expect(await errorsOf(doc)).toEqual([]);
    expect(doc.sourceKey).toBe('call_1');
  });

  it('keys a game notice by its game, sharing the card’s message (migration 12)', async () => {
    const doc = new Notification({
      ...aboutMessage(),
      kind: 'game_turn',
      sourceKey: 'game-turn:game_1:4',
    });
    expect(await errorsOf(doc)).toEqual([]);
    expect(doc.sourceKey).toBe('game-turn:game_1:4');
    const unkeyed = new Notification({ ...aboutMessage(), kind: 'game_challenge' });
    expect(await errorsOf(unkeyed)).toEqual(['sourceKey']);
  });

  it.each([
    ['an unknown kind', { kind: 'like' }, ['kind']],
    ['neither a message nor a call', { messageId: null }, ['messageId', 'sourceKey']],
    ['a source key naming something else', { sourceKey: 'm_2' }, ['sourceKey']],
    [
      'no person or conversation',
      { userId: undefined, conversationId: undefined },
      ['conversationId', 'userId'],
    ],
    ['a seq below 1', { seq: 0 }, ['seq']],
  ])('rejects a notification with %s', async (_label, patch, fields) => {
    expect(await errorsOf(new Notification({ ...aboutMessage(), ...patch }))).toEqual(fields);
  });

  it('validates settings, with the defaults a person who never chose gets', async () => {
    const doc = new NotificationSettings({ _id: 'u_1' });
    expect(await errorsOf(doc)).toEqual([]);
    expect(toNotificationSettings(doc.toObject())).toStrictEqual({
      userId: 'u_1',
      level: 'mentions',
      emailDigest: true,
      lastDigestAt: null,
      doNotDisturb: false,
    });
    expect(await errorsOf(new NotificationSettings({ _id: 'u_1', level: 'loud' }))).toEqual([
      'level',
    ]);
    expect(await errorsOf(new NotificationSettings({}))).toEqual(['_id']);
  });

  it('validates push subscriptions and maps them', async () => {
    const input = { userId: 'u_1', endpoint: 'https://push.example/x', p256dh: 'k', auth: 'a' };
    const doc = new PushSubscription(input);
    expect(await errorsOf(doc)).toEqual([]);
    expect(doc._id).toMatch(/^push_[a-z0-9]{20}$/);
    expect(toPushSubscription(doc.toObject())).toStrictEqual({
      id: doc._id,
      ...input,
      createdAt: doc.createdAt,
    });
    expect(await errorsOf(new PushSubscription({ userId: 'u_1', endpoint: '' }))).toEqual([
      'auth',
      'endpoint',
      'p256dh',
    ]);
  });
});

describe('mongo notification queries', () => {
  it('reads chosen ids, everything, or a conversation up to a seq: only unread, only one’s own', () => {
    expect(readFilter({ userId: 'u_1', ids: ['ntf_1'] })).toEqual({
      userId: 'u_1',
      readAt: null,
      _id: { $in: ['ntf_1'] },
    });
    expect(readFilter({ userId: 'u_1', all: true })).toEqual({ userId: 'u_1', readAt: null });
    expect(readFilter({ userId: 'u_1', conversationId: 'c_1', uptoSeq: 7 })).toEqual({
      userId: 'u_1',
      readAt: null,
      conversationId: 'c_1',
      seq: { $lte: 7 },
    });
  });

  it('reports only the notifications this call marked read when another got there first', async () => {
    const find = vi
      .spyOn(Notification.collection, 'find')
      .mockReturnValueOnce({ toArray: async () => [{ _id: 'ntf_1' }, { _id: 'ntf_2' }] } as never)
      .mockReturnValueOnce({ toArray: async () => [{ _id: 'ntf_2' }] } as never);
    const update = vi
      .spyOn(Notification.collection, 'updateMany')
      .mockResolvedValue({ modifiedCount: 1, matchedCount: 1 } as never);
    const changed = await notificationFunctions(models).markNotificationsRead({
      userId: 'u_1',
      all: true,
    });
    expect(changed).toEqual(['ntf_2']);
    const [filter, set] = update.mock.calls[0]!;
    expect(filter).toEqual({ userId: 'u_1', readAt: null, _id: { $in: ['ntf_1', 'ntf_2'] } });
    const readAt = (set as { $set: { readAt: Date } }).$set.readAt;
    expect(readAt).toBeInstanceOf(Date);
    expect(find.mock.calls[1]![0]).toEqual({ _id: { $in: ['ntf_1', 'ntf_2'] }, readAt });
  });

  it('claims notifications for an email one by one, reporting only those this call changed', async () => {
    const update = vi.spyOn(Notification.collection, 'updateOne').mockImplementation(
      async (filter) =>
        ({
          modifiedCount: (filter as unknown as { _id: string })._id === 'ntf_2' ? 0 : 1,
        }) as never,
    );
    const at = new Date('2025-01-02T03:04:05Z');
    const claimed = await notificationFunctions(models).markNotificationsEmailed({
      ids: ['ntf_1', 'ntf_2', 'ntf_3', 'ntf_1'],
      at,
    });
    expect(claimed).toEqual(['ntf_1', 'ntf_3']);
    expect(update).toHaveBeenCalledTimes(3);
    const [filter, set] = update.mock.calls[1]!;
    expect(filter).toEqual({ _id: 'ntf_2', emailedAt: null });
    expect(set).toEqual({ $set: { emailedAt: at } });
  });

  it('fills a first settings write with the defaults of the fields not given', async () => {
    const upsert = vi.spyOn(NotificationSettings.collection, 'findOneAndUpdate').mockResolvedValue({
      _id: 'u_1',
      level: 'all',
      emailDigest: true,
      lastDigestAt: null,
    } as never);
    const settings = await notificationSettingsFunctions(models).updateNotificationSettings({
      userId: 'u_1',
      level: 'all',
    });
    expect(settings).toStrictEqual({
      userId: 'u_1',
      level: 'all',
      emailDigest: true,
      lastDigestAt: null,
      doNotDisturb: false,
    });
    const [filter, update, options] = upsert.mock.calls[0]! as unknown[];
    expect(filter).toEqual({ _id: 'u_1' });
    expect(update).toEqual({
      $set: { level: 'all' },
      $setOnInsert: { emailDigest: true, lastDigestAt: null, doNotDisturb: false },
    });
    expect(options).toEqual(expect.objectContaining({ upsert: true, returnDocument: 'after' }));
  });

  it('gives a new push endpoint an id and createdAt on insert, matching on its owner too', async () => {
    const stored = {
      _id: 'push_1',
      userId: 'u_2',
      endpoint: 'https://push.example/x',
      p256dh: 'k2',
      auth: 'a2',
      createdAt: new Date(0),
    };
    const upsert = vi
      .spyOn(PushSubscription.collection, 'findOneAndUpdate')
      .mockResolvedValue(stored as never);
    const saved = await pushSubscriptionFunctions(models).savePushSubscription({
      userId: 'u_2',
      endpoint: stored.endpoint,
      p256dh: 'k2',
      auth: 'a2',
    });
    expect(saved).toStrictEqual(toPushSubscription(stored));
    const [filter, update] = upsert.mock.calls[0]!;
    // The owner is part of the match, so another person's save can only insert (and collide).
    expect(filter).toEqual({ endpoint: stored.endpoint, userId: 'u_2' });
    expect(update).toEqual({
      $set: { p256dh: 'k2', auth: 'a2' },
      $setOnInsert: {
        _id: expect.stringMatching(/^push_[a-z0-9]{20}$/),
        createdAt: expect.any(Date),
      },
    });
  });

  it('answers null, never a move, when another person holds the endpoint (duplicate key)', async () => {
    const duplicate = Object.assign(new Error('E11000 duplicate key'), {
      code: 11000,
      keyPattern: { endpoint: 1 },
    });
    const upsert = vi
      .spyOn(PushSubscription.collection, 'findOneAndUpdate')
      .mockRejectedValue(duplicate);
    const saved = await pushSubscriptionFunctions(models).savePushSubscription({
      userId: 'u_attacker',
      endpoint: 'https://push.example/owned',
      p256dh: 'k',
      auth: 'a',
    });
    expect(saved).toBeNull();
    expect(upsert).toHaveBeenCalledTimes(2);
  });

  it('answers a second create for the same source with the stored notification', async () => {
    const first = {
      ...aboutMessage(),
      _id: 'ntf_first',
      sourceKey: 'm_1',
      createdAt: new Date(0),
      readAt: null,
      pushedAt: null,
      emailedAt: null,
    } as NotificationDoc;
    vi.spyOn(Notification.collection, 'insertOne').mockRejectedValue(
      Object.assign(new Error('E11000'), {
        code: 11000,
        keyPattern: { userId: 1, sourceKey: 1 },
      }),
    );
    const find = vi.spyOn(Notification.collection, 'findOne').mockResolvedValue(first);
    const result = await notificationFunctions(models).createNotification({
      ...aboutMessage(),
      kind: 'reply',
      preview: 'edited',
    });
    expect(result).toStrictEqual({ notification: toNotification(first), created: false });
    expect(find).toHaveBeenCalledWith({ userId: 'u_b', sourceKey: 'm_1' }, expect.anything());
  });
});
