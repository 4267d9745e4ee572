/**
 * Issue #19: a deployment on QStash's free tier whose daily quota is used up. QStash answers every
 * publish 429 with its RateLimit headers; people keep chatting. Nothing may be lost: the message's
 * follow-up (notifications) runs in this process, the digest it schedules waits in the store, and
 * once the quota is back the sweep hands that digest to QStash.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => {
  // Before lib/env.ts is imported (it reads the environment once): QStash on, at the fake.
  const { startFakeQStash, CURRENT_KEY } = await import('@/test/qstash');
  const started = await startFakeQStash();
  Object.assign(process.env, {
    QSTASH_TOKEN: 'quota-route-test',
    QSTASH_URL: started.url,
    QSTASH_CURRENT_SIGNING_KEY: CURRENT_KEY,
    NEXTAUTH_URL: 'http://parley.test',
  });
  return started;
});

const { GET: listNotifications } = await import('@/app/api/v1/notifications/route');
const { getStore } = await import('@/lib/db');
const { republishPendingQStashJobs } = await import('@/lib/jobs/enqueue');
const { runJobsInline } = await import('@/lib/jobs/inline');
const { qstashQuota } = await import('@/lib/jobs/qstash-quota');
const { jobRegistry } = await import('@/workers');
const { getRequest, sendText, signUpUsers, startDirect, withCookie } = await import('@/test/api');

afterAll(async () => {
  runJobsInline(null);
  await fake.close();
});

describe('a send while QStash’s daily quota is used up', () => {
  it('notifies in this process, keeps the digest, and sends it once the quota is back', async () => {
    runJobsInline(jobRegistry); // as instrumentation.ts does with QStash configured
    fake.answerWith(429, {
      'RateLimit-Limit': '1000',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 3600),
    });
    const [ana, ben] = await signUpUsers(2, 'Quota');
    const direct = await startDirect(ana, ben);
    const message = await sendText(ana, direct.id, 'are you there?');

    // Ben is notified: the message-created job ran here, after the response.
    await vi.waitFor(
      async () => {
        const res = await listNotifications(getRequest('/notifications', withCookie(ben.cookie)));
        const { notifications } = (await res.json()) as { notifications: { messageId: string }[] };
        expect(notifications.map((n) => n.messageId)).toEqual([message.id]);
      },
      { timeout: 5_000 },
    );
    const store = await getStore();
    await vi.waitFor(async () => {
      const [followUp] = await store.listJobs({ states: ['succeeded'], limit: 10 });
      expect(followUp).toMatchObject({ name: 'message-created', dispatcher: 'qstash' });
    });

    // The digest for Ben was refused by QStash: the quota is known, and the job waits in the store.
    await vi.waitFor(() => expect(qstashQuota().exhausted).toBe(true));
    const [digest] = await store.listJobs({ states: ['pending'], limit: 10 });
    expect(digest).toMatchObject({ name: 'email-digest', attempts: 0 });
    expect(fake.requests.every((r) => !r.path.includes('message-created'))).toBe(true);

    // The next day: QStash takes messages again and the sweep sends the digest.
    fake.answerWith(201);
    const tomorrow = new Date(Date.now() + 25 * 3600_000);
    expect(await republishPendingQStashJobs({ store, now: tomorrow })).toBe(1);
    expect(fake.requests.at(-1)?.body).toContain(digest!.id);
  });
});
