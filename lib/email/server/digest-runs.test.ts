import { describe, expect, it } from 'vitest';

import { digestRuns } from '@/test/digest-fixtures';

import { DIGEST_LIMIT, sendDigest } from './digest';
import { digestDelayMs } from './schedule';
const t = digestRuns();

describe('overlapping runs', () => {
  it('sends one email when two runs for the same person overlap', async () => {
    const { ana, design, dm, notify } = t.world;
    await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'one',
      minutesAgo: 12,
    });
    await notify({
      kind: 'dm',
      conversationId: dm.id,
      actorId: ana.id,
      preview: 'two',
      minutesAgo: 11,
    });
    const outcomes = await Promise.all([t.digest(), t.digest(), t.digest()]);
    expect(t.outbox).toHaveLength(1);
    expect(t.outbox[0]!.subject).toBe('2 unread messages in Parley');
    expect(outcomes.map((o) => o.status).sort()).toEqual(['empty', 'empty', 'sent']);
  });

  it('gives the notifications back when the email fails, so the retry sends them', async () => {
    const { ana, design, notify, store, ben } = t.world;
    const n = await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'hi',
      minutesAgo: 11,
    });
    const failure = new Error('SMTP down');
    await expect(
      sendDigest({
        store,
        userId: ben.id,
        send: async () => {
          throw failure;
        },
      }),
    ).rejects.toBe(failure);
    expect((await store.getNotificationSettings({ userId: ben.id })).lastDigestAt).toBeNull();
    expect(await t.digest()).toMatchObject({ status: 'sent', notificationIds: [n.id] });
    expect(t.outbox).toHaveLength(1);
  });
});

describe('stale notifications', () => {
  const unread = async () =>
    (await t.world.store.listNotifications({ userId: t.world.ben.id, limit: 10 })).items
      .filter((n) => n.readAt === null)
      .map((n) => n.id);

  it('leaves out a message deleted since, and marks its notification read', async () => {
    const { ana, design, notify, store } = t.world;
    const n = await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'oops, wrong person',
      minutesAgo: 11,
    });
    await store.deleteMessage({ id: n.messageId! });
    expect(await t.digest()).toEqual({ status: 'empty' });
    expect(t.outbox).toEqual([]);
    expect(await unread()).toEqual([]);
  });

  it('leaves out conversations the person was removed from', async () => {
    const { ana, design, notify, store, ben } = t.world;
    await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'hi',
      minutesAgo: 11,
    });
    await store.removeMember({ conversationId: design.id, userId: ben.id });
    expect(await t.digest()).toEqual({ status: 'empty' });
    expect(t.outbox).toEqual([]);
    expect(await unread()).toEqual([]);
  });

  it('leaves out what the person has read past in the conversation', async () => {
    const { ana, design, notify, store, ben } = t.world;
    const n = await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'hi',
      minutesAgo: 11,
    });
    // The read position moved without reading the notification (another device, say).
    await store.markRead({ conversationId: design.id, userId: ben.id, seq: n.seq! });
    expect(await t.digest()).toEqual({ status: 'empty' });
    expect(t.outbox).toEqual([]);
    expect(await unread()).toEqual([]);
  });

  it('sends the rest, and waits for it when only stale notifications were due', async () => {
    const { ana, design, dm, notify, store } = t.world;
    const gone = await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'deleted one',
      minutesAgo: 30,
    });
    const kept = await notify({
      kind: 'dm',
      conversationId: dm.id,
      actorId: ana.id,
      preview: 'still here',
      minutesAgo: 2,
    });
    await store.deleteMessage({ id: gone.messageId! });
    const dueAt = new Date(kept.createdAt.getTime() + digestDelayMs());
    expect(await t.digest()).toEqual({ status: 'not-due', dueAt });
    expect(await t.digest({ now: dueAt })).toMatchObject({
      status: 'sent',
      notificationIds: [kept.id],
    });
    expect(t.outbox).toHaveLength(1);
    expect(t.outbox[0]!.text).toContain('still here');
    expect(t.outbox[0]!.text).not.toContain('deleted one');
  });
});

describe('long backlogs', () => {
  const pendingDigests = () =>
    t.world.store
      .listJobs({ states: ['pending'], limit: 10 })
      .then((jobs) => jobs.filter((j) => j.name === 'email-digest'));

  it(`sends at most ${DIGEST_LIMIT} per email and queues the next one right away`, async () => {
    const { ana, design, notify } = t.world;
    for (let i = 0; i <= DIGEST_LIMIT; i++)
      await notify({
        kind: 'mention',
        conversationId: design.id,
        actorId: ana.id,
        preview: `#${i}`,
        minutesAgo: 20,
      });
    const now = new Date();
    const first = await t.digest({ now });
    expect(first).toMatchObject({ status: 'sent' });
    expect(first.status === 'sent' && first.notificationIds).toHaveLength(DIGEST_LIMIT);
    expect(await pendingDigests()).toEqual([
      expect.objectContaining({ dedupeId: `email-digest:${t.world.ben.id}:at:${now.getTime()}` }),
    ]);
    const second = await t.digest();
    expect(second.status === 'sent' && second.notificationIds).toHaveLength(1);
    expect(t.outbox.map((e) => e.subject)).toEqual([
      `${DIGEST_LIMIT} unread messages in Parley`,
      'Ana mentioned you in Design',
    ]);
  });

  it(`queues the next one when a full page of ${DIGEST_LIMIT} was all stale`, async () => {
    const { ana, design, dm, notify, store } = t.world;
    for (let i = 0; i < DIGEST_LIMIT; i++)
      await notify({
        kind: 'mention',
        conversationId: design.id,
        actorId: ana.id,
        preview: `#${i}`,
        minutesAgo: 20,
      });
    await notify({
      kind: 'dm',
      conversationId: dm.id,
      actorId: ana.id,
      preview: 'after the backlog',
      minutesAgo: 15,
    });
    await store.removeMember({ conversationId: design.id, userId: t.world.ben.id });
    expect(await t.digest()).toEqual({ status: 'empty' });
    expect(await pendingDigests()).toHaveLength(1);
    expect(await t.digest()).toMatchObject({ status: 'sent' });
    expect(t.outbox).toHaveLength(1);
    expect(t.outbox[0]!.text).toContain('after the backlog');
  });
});
