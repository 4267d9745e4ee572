import { describe, expect, it } from 'vitest';

import { POST as readConversation } from '@/app/api/v1/conversations/[id]/read/route';
import { PATCH as patchMembership } from '@/app/api/v1/conversations/[id]/membership/route';
import { PATCH as patchSettings } from '@/app/api/v1/me/notification-settings/route';
import { DELETE as deleteMessageRoute } from '@/app/api/v1/messages/[id]/route';
import { conversationResponseSchema, type MessageWire } from '@/lib/chat/wire';
import { getStore } from '@/lib/db';
import { notificationsResponseSchema } from '@/lib/notifications/wire';
import {
  bearer,
  createApiToken,
  deleteRequest,
  expectError,
  getRequest,
  jsonRequest,
  postMessage,
  sendText,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';
import { queuedJobs, runQueued } from '@/test/jobs';

import { POST as readRoute } from './read/route';
import { GET } from './route';

const list = async (account: TestAccount, query = '') => {
  const res = await GET(getRequest(`/notifications${query}`, withCookie(account.cookie)));
  expect(res.status).toBe(200);
  return notificationsResponseSchema.parse(await res.json());
};

const read = (account: TestAccount, body: unknown) =>
  readRoute(jsonRequest('POST', '/notifications/read', body, withCookie(account.cookie)));

/** Runs the jobs the sends queued (message-created: notifications), as the dispatcher would. */
const deliver = (...messages: MessageWire[]) =>
  runQueued('message-created', { key: 'messageId', values: messages.map((m) => m.id) });

const setLevel = async (account: TestAccount, level: string) => {
  const res = await patchSettings(
    jsonRequest('PATCH', '/me/notification-settings', { level }, withCookie(account.cookie)),
  );
  expect(res.status).toBe(200);
};

describe('notifications for new messages', () => {
  it('queues one notification job per message, and a retried send queues nothing more', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const clientId = crypto.randomUUID();
    const first = await sendText(a, id, 'hello', { clientId });
    expect((await postMessage(a, id, { body: 'hello', clientId })).status).toBe(200);
    const jobs = await queuedJobs('message-created', (p) => p.messageId === first.id);
    expect(jobs.map((j) => j.dedupeId)).toEqual([`message-created:${first.id}`]);
  });

  it('re-creates the job of a retried send when the first one went missing', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const clientId = crypto.randomUUID();
    const first = await sendText(a, id, 'are you there?', { clientId });
    const store = await getStore();
    const [job] = await queuedJobs('message-created', (p) => p.messageId === first.id);
    // The job row goes (run, then pruned): the retry must write it again, under the same id.
    const now = new Date();
    await store.startJobAttempt({ id: job!.id, now, leaseMs: 1_000 });
    await store.completeJob({ id: job!.id, now });
    await store.pruneJobs({ before: new Date(now.getTime() + 1) });
    expect(await store.getJobByDedupeId({ dedupeId: `message-created:${first.id}` })).toBeNull();

    expect((await postMessage(a, id, { body: 'are you there?', clientId })).status).toBe(200);
    const again = await queuedJobs('message-created', (p) => p.messageId === first.id);
    expect(again.map((j) => j.dedupeId)).toEqual([`message-created:${first.id}`]);
    expect(await deliver(first)).toBe(1);
    expect((await list(b)).notifications.map((n) => n.messageId)).toEqual([first.id]);
  });

  it('notifies the other person of a DM, never the author, and links to the message', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const m = await sendText(a, id, 'Lunch at **noon**?');
    expect(await deliver(m)).toBe(1);

    const forB = await list(b);
    expect(forB.unreadCount).toBe(1);
    expect(forB.notifications).toHaveLength(1);
    expect(forB.notifications[0]).toMatchObject({
      kind: 'dm',
      conversationId: id,
      conversationName: a.user.name,
      messageId: m.id,
      seq: m.seq,
      actor: { id: a.user.id, name: a.user.name },
      preview: 'Lunch at noon?',
      readAt: null,
    });
    expect((await list(a)).notifications).toHaveLength(0);
  });

  it('labels mentions and replies in a group, and running the job twice notifies once', async () => {
    const [a, b, c] = await signUpUsers(3);
    const group = await startGroup(a, [b, c], 'Design');
    const question = await sendText(c, group.id, 'Which font?');
    const m = await sendText(a, group.id, `@${b.user.name} can you check?`, {
      replyToId: question.id,
    });
    await deliver(m);
    await deliver(m);
    const forB = await list(b);
    expect(forB.notifications.map((n) => [n.kind, n.conversationName])).toEqual([
      ['mention', 'Design'],
    ]);
    expect((await list(c)).notifications.map((n) => n.kind)).toEqual(['reply']);
  });

  it('follows each person’s level: all, mentions and DMs only, nothing', async () => {
    const [a, b, c, d] = await signUpUsers(4);
    await setLevel(b, 'all');
    await setLevel(d, 'nothing');
    const group = await startGroup(a, [b, c, d], 'Levels');
    const plain = await sendText(a, group.id, 'plain message');
    const mention = await sendText(a, group.id, `@${d.user.name} and @${c.user.name} look`);
    await deliver(plain, mention);
    // b hears about everything: both are plain messages to b.
    expect((await list(b)).notifications.map((n) => n.kind)).toEqual(['message', 'message']);
    // c has the default level (mentions and DMs): the mention only.
    expect((await list(c)).notifications.map((n) => n.kind)).toEqual(['mention']);
    expect((await list(d)).notifications).toHaveLength(0);
  });

  it('says nothing to someone who already read the message by the time the job runs', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const m = await sendText(a, id, 'seen it already?');
    const res = await readConversation(
      jsonRequest('POST', `/conversations/${id}/read`, { seq: m.seq }, withCookie(b.cookie)),
      withParams({ id }),
    );
    expect(res.status).toBe(200);
    await deliver(m);
    expect((await list(b)).notifications).toHaveLength(0);
  });

  it('says nothing about a conversation the person muted', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const res = await patchMembership(
      jsonRequest(
        'PATCH',
        `/conversations/${id}/membership`,
        { muted: true },
        withCookie(b.cookie),
      ),
      withParams({ id }),
    );
    expect(res.status).toBe(200);
    expect(conversationResponseSchema.parse(await res.json()).conversation.muted).toBe(true);
    await deliver(await sendText(a, id, 'are you there?'));
    expect((await list(b)).unreadCount).toBe(0);

    await patchMembership(
      jsonRequest(
        'PATCH',
        `/conversations/${id}/membership`,
        { muted: false },
        withCookie(b.cookie),
      ),
      withParams({ id }),
    );
    await deliver(await sendText(a, id, 'now?'));
    expect((await list(b)).unreadCount).toBe(1);
  });
});

describe('reading notifications', () => {
  async function threeDms() {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const sent = [];
    for (const text of ['one', 'two', 'three']) {
      const m = await sendText(a, id, text);
      sent.push(m);
      await deliver(m);
      // Newest first is by creation time: keep each in a millisecond of its own.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    return { a, b, id, sent };
  }

  it('lists newest first and pages with a cursor', async () => {
    const { b } = await threeDms();
    const first = await list(b, '?limit=2');
    expect(first.notifications.map((n) => n.preview)).toEqual(['three', 'two']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(b, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.notifications.map((n) => n.preview)).toEqual(['one']);
    expect(second.nextCursor).toBeNull();
  });

  it('says whether Do not disturb is on, so the app’s sounds need no request of their own', async () => {
    const [a] = await signUpUsers(1);
    expect((await list(a)).doNotDisturb).toBe(false);
    const res = await patchSettings(
      jsonRequest(
        'PATCH',
        '/me/notification-settings',
        { doNotDisturb: true },
        withCookie(a.cookie),
      ),
    );
    expect(res.status).toBe(200);
    expect((await list(a)).doNotDisturb).toBe(true);
  });

  it('marks some read (only the caller’s own), then all', async () => {
    const { a, b } = await threeDms();
    const [newest] = (await list(b)).notifications;
    const res = await read(b, { ids: [newest!.id] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ids: [newest!.id], unreadCount: 2 });
    // Someone else's id changes nothing.
    expect(await (await read(a, { ids: [newest!.id] })).json()).toEqual({
      ids: [],
      unreadCount: 0,
    });
    const all = await (await read(b, { all: true })).json();
    expect(all).toMatchObject({ unreadCount: 0 });
    expect((all as { ids: string[] }).ids).toHaveLength(2);
    expect((await list(b)).notifications.every((n) => n.readAt !== null)).toBe(true);
  });

  it('reading the conversation reads its notifications up to that message', async () => {
    const { b, id, sent } = await threeDms();
    const res = await readConversation(
      jsonRequest('POST', `/conversations/${id}/read`, { seq: sent[1]!.seq }, withCookie(b.cookie)),
      withParams({ id }),
    );
    expect(res.status).toBe(200);
    const after = await list(b);
    expect(after.unreadCount).toBe(1);
    expect(after.notifications.find((n) => n.readAt === null)?.preview).toBe('three');
  });

  it('never shows the text of a message deleted since', async () => {
    const { a, b, sent } = await threeDms();
    const res = await deleteMessageRoute(
      deleteRequest(`/messages/${sent[0]!.id}`, withCookie(a.cookie)),
      withParams({ id: sent[0]!.id }),
    );
    expect(res.status).toBe(200);
    const previews = (await list(b)).notifications.map((n) => n.preview);
    expect(previews).toEqual(['three', 'two', 'This message was deleted']);
  });

  it('works with an API token, and answers 401 without one', async () => {
    const { b } = await threeDms();
    const { token } = await createApiToken(b.cookie);
    const res = await GET(getRequest('/notifications', bearer(token)));
    expect(res.status).toBe(200);
    await expectError(await GET(getRequest('/notifications')), 401, 'unauthorized');
  });

  it('refuses bad bodies and queries with 4xx', async () => {
    const [a] = await signUpUsers(1);
    await expectError(await read(a, {}), 422, 'validation_failed');
    await expectError(await read(a, { ids: [] }), 422, 'validation_failed');
    await expectError(await read(a, { all: false }), 422, 'validation_failed');
    await expectError(await read(a, { ids: ['x'], all: true }), 422, 'validation_failed');
    const res = await GET(getRequest('/notifications?limit=0', withCookie(a.cookie)));
    expect(res.status).toBe(400);
  });
});

describe('PATCH /conversations/:id/membership', () => {
  it('is for members only (404), and validates the body', async () => {
    const [a, b, outsider] = await signUpUsers(3);
    const { id } = await startDirect(a, b);
    const patch = (who: TestAccount, body: unknown) =>
      patchMembership(
        jsonRequest('PATCH', `/conversations/${id}/membership`, body, withCookie(who.cookie)),
        withParams({ id }),
      );
    await expectError(await patch(outsider, { muted: true }), 404, 'not_found');
    await expectError(await patch(a, { muted: 'yes' }), 422, 'validation_failed');
    await expectError(await patch(a, { role: 'owner' }), 422, 'validation_failed');
    const store = await getStore();
    expect((await store.getMembership({ conversationId: id, userId: a.user.id }))?.muted).toBe(
      false,
    );
  });
});
