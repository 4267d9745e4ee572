import { describe, expect, it } from 'vitest';

import { digestRuns, MINUTE } from '@/test/digest-fixtures';

import { digestDelayMs } from './schedule';
import { verifyUnsubscribeToken } from './unsubscribe-token';

const BASE = 'http://localhost:3000';
const t = digestRuns();

describe('the digest email', () => {
  it('lists every unread mention, reply and DM, grouped by conversation, with links', async () => {
    const { ana, cy, design, dm, notify } = t.world;
    const mention = await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'Can you look at the mock-ups?',
      minutesAgo: 15,
    });
    const direct = await notify({
      kind: 'dm',
      conversationId: dm.id,
      actorId: ana.id,
      preview: 'Lunch today?',
      minutesAgo: 12,
    });
    const reply = await notify({
      kind: 'reply',
      conversationId: design.id,
      actorId: cy.id,
      preview: 'Agreed, ship it',
      minutesAgo: 11,
    });

    const outcome = await t.digest();
    expect(outcome).toMatchObject({
      status: 'sent',
      notificationIds: [mention.id, direct.id, reply.id],
    });
    expect(t.outbox).toHaveLength(1);
    const email = t.outbox[0]!;
    expect(email.to).toEqual({ name: 'Ben', address: t.world.ben.email });
    expect(email.subject).toBe('3 unread messages in Parley');

    const link = (n: { conversationId: string; messageId: string | null }) =>
      `${BASE}/chats/${n.conversationId}?message=${n.messageId}`;
    // Design first (its first notification is the oldest), both of its entries together.
    expect(email.text).toContain(
      [
        'Design',
        '- Ana mentioned you: “Can you look at the mock-ups?”',
        `  ${link(mention)}`,
        '- Cy replied to you: “Agreed, ship it”',
        `  ${link(reply)}`,
        '',
        'Ana (direct message)',
        '- Ana: “Lunch today?”',
        `  ${link(direct)}`,
      ].join('\n'),
    );
    expect(email.text).toMatch(/^Hi Ben,\n\nYou have 3 unread messages in Parley/);
    expect(email.text).toContain(`Open Parley: ${BASE}/chats`);
    expect(email.html).toContain(`href="${link(mention).replace('&', '&amp;')}"`);
    expect(email.html).toContain('<h2 style="font-size:16px;margin:20px 0 8px">Design</h2>');
  });

  it('carries a signed unsubscribe link and the RFC 8058 one-click headers', async () => {
    const { ana, design, notify } = t.world;
    await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'hi',
      minutesAgo: 11,
    });
    await t.digest();
    const email = t.outbox[0]!;

    const page = /Unsubscribe from these emails: (\S+)/.exec(email.text)?.[1];
    expect(page).toMatch(new RegExp(`^${BASE}/unsubscribe\\?token=[\\w.-]+$`));
    const pageToken = new URL(page!).searchParams.get('token');
    expect(await verifyUnsubscribeToken(pageToken)).toEqual({ ok: true, userId: t.world.ben.id });
    expect(email.html).toContain(`href="${page}"`);

    expect(email.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const oneClick = /^<(.+)>$/.exec(email.headers?.['List-Unsubscribe'] ?? '')?.[1];
    expect(oneClick).toMatch(new RegExp(`^${BASE}/api/email/unsubscribe\\?token=`));
    const headerToken = new URL(oneClick!).searchParams.get('token');
    expect(await verifyUnsubscribeToken(headerToken)).toEqual({ ok: true, userId: t.world.ben.id });
  });

  it('names the one notification in the subject', async () => {
    const { ana, design, notify } = t.world;
    await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'hi',
      minutesAgo: 11,
    });
    await t.digest();
    expect(t.outbox[0]!.subject).toBe('Ana mentioned you in Design');
  });

  it('escapes what people wrote in the HTML part', async () => {
    const { ana, design, notify } = t.world;
    await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: '<img src=x onerror=alert(1)> & "co"',
      minutesAgo: 11,
    });
    await t.digest();
    expect(t.outbox[0]!.html).not.toContain('<img');
    expect(t.outbox[0]!.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;');
  });
});

describe('batching', () => {
  it('sends once: a second run finds everything already emailed', async () => {
    const { ana, design, notify, store, ben } = t.world;
    for (let i = 0; i < 4; i++)
      await notify({
        kind: 'mention',
        conversationId: design.id,
        actorId: ana.id,
        preview: `#${i}`,
        minutesAgo: 20 - i,
      });
    const now = new Date();
    expect(await t.digest({ now })).toMatchObject({ status: 'sent' });
    expect(await t.digest()).toEqual({ status: 'empty' });
    expect(t.outbox).toHaveLength(1);
    expect(t.outbox[0]!.subject).toBe('4 unread messages in Parley');
    expect((await store.getNotificationSettings({ userId: ben.id })).lastDigestAt).toEqual(now);
  });

  it('sends the next digest with only what arrived since the last one', async () => {
    const { ana, cy, design, notify } = t.world;
    await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'first',
      minutesAgo: 30,
    });
    await t.digest();
    await notify({
      kind: 'reply',
      conversationId: design.id,
      actorId: cy.id,
      preview: 'second',
      minutesAgo: 11,
    });
    await t.digest();
    expect(t.outbox.map((e) => e.subject)).toEqual([
      'Ana mentioned you in Design',
      'Cy replied to you in Design',
    ]);
    expect(t.outbox[1]!.text).not.toContain('first');
  });

  it('includes younger notifications once one is due ("everything unread since the last email")', async () => {
    const { ana, dm, design, notify } = t.world;
    await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'old',
      minutesAgo: 11,
    });
    await notify({ kind: 'dm', conversationId: dm.id, actorId: ana.id, preview: 'fresh' });
    expect(await t.digest()).toMatchObject({
      status: 'sent',
      notificationIds: [expect.any(String), expect.any(String)],
    });
    expect(t.outbox[0]!.text).toContain('fresh');
  });

  it('sends nothing for notifications read before the delay', async () => {
    const { ana, design, notify, store, ben } = t.world;
    const n = await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'hi',
      minutesAgo: 5,
    });
    await store.markNotificationsRead({
      userId: ben.id,
      conversationId: design.id,
      uptoSeq: n.seq!,
    });
    expect(await t.digest({ now: new Date(Date.now() + 10 * MINUTE) })).toEqual({
      status: 'empty',
    });
    expect(t.outbox).toEqual([]);
  });

  it('leaves out other kinds (every-message notifications, missed calls)', async () => {
    const { ana, design, notify } = t.world;
    await notify({
      kind: 'message',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'fyi',
      minutesAgo: 30,
    });
    expect(await t.digest()).toEqual({ status: 'empty' });
  });

  it.each([
    ['their level is "nothing"', { level: 'nothing' as const }],
    ['they turned email digests off', { emailDigest: false }],
  ])('sends nothing when %s', async (_, change) => {
    const { ana, design, notify, store, ben } = t.world;
    await store.updateNotificationSettings({ userId: ben.id, ...change });
    await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'hi',
      minutesAgo: 30,
    });
    expect(await t.digest()).toEqual({ status: 'off' });
    expect(t.outbox).toEqual([]);
  });

  it('reschedules itself for when the oldest notification becomes due', async () => {
    const { ana, design, notify, store, ben } = t.world;
    const n = await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'hi',
      minutesAgo: 4,
    });
    const dueAt = new Date(n.createdAt.getTime() + digestDelayMs());
    expect(await t.digest()).toEqual({ status: 'not-due', dueAt });
    expect(t.outbox).toEqual([]);

    const jobs = await store.listJobs({ states: ['pending'], limit: 10 });
    expect(jobs).toEqual([
      expect.objectContaining({
        name: 'email-digest',
        payload: { userId: ben.id },
        dedupeId: `email-digest:${ben.id}:at:${dueAt.getTime()}`,
      }),
    ]);
    expect(Math.abs(jobs[0]!.runAt.getTime() - dueAt.getTime())).toBeLessThan(2_000);

    // The same run again (a retry) queues nothing new.
    await t.digest();
    expect(await store.listJobs({ states: ['pending'], limit: 10 })).toHaveLength(1);
    // Once due, it goes out.
    expect(await t.digest({ now: dueAt })).toMatchObject({ status: 'sent' });
  });

  it('sends nothing for a person without notifications', async () => {
    expect(await t.digest({ userId: t.world.cy.id })).toEqual({ status: 'empty' });
  });
});
