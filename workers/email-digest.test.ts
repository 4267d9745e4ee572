import { readdirSync } from 'node:fs';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { listOutbox, readOutboxEmail } from '@/lib/email/server/outbox';
import { outboxDir } from '@/lib/email/server/transport';
import { createDigestWorld, type DigestWorld } from '@/test/digest-fixtures';

import { jobCatalog } from '@/lib/jobs/catalog';

import { emailDigest } from './email-digest';

let world: DigestWorld;
beforeEach(async () => {
  world = await createDigestWorld();
});
afterEach(async () => world.store.close());

const run = (userId: string) =>
  emailDigest(jobCatalog['email-digest'].payload.parse({ userId }), {
    store: world.store,
    jobId: 'job_test',
    attempt: 1,
    signal: new AbortController().signal,
  });

const outboxFiles = () => {
  try {
    return readdirSync(outboxDir()).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
};

describe('the email-digest job', () => {
  it('writes one digest to the outbox, and nothing when run again', async () => {
    const { ana, cy, design, dm, notify, ben } = world;
    await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'mock-ups?',
      minutesAgo: 14,
    });
    await notify({
      kind: 'dm',
      conversationId: dm.id,
      actorId: ana.id,
      preview: 'lunch?',
      minutesAgo: 13,
    });
    await notify({
      kind: 'reply',
      conversationId: design.id,
      actorId: cy.id,
      preview: 'agreed',
      minutesAgo: 12,
    });
    const before = outboxFiles().length;

    await run(ben.id);
    await run(ben.id);

    expect(outboxFiles().length).toBe(before + 1);
    const [newest] = await listOutbox({ dir: outboxDir(), limit: 1 });
    expect(newest).toMatchObject({
      to: `Ben <${ben.email}>`,
      subject: '3 unread messages in Parley',
    });
    const email = (await readOutboxEmail({ dir: outboxDir(), id: newest!.id }))!;
    expect(email.text).toContain('Ana mentioned you: “mock-ups?”');
    expect(email.html).toContain('Cy replied to you');
    expect(email.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  });

  it('writes one digest when two jobs for the same person run at once', async () => {
    const { ana, design, notify, ben } = world;
    await notify({
      kind: 'mention',
      conversationId: design.id,
      actorId: ana.id,
      preview: 'at once',
      minutesAgo: 12,
    });
    await Promise.all([run(ben.id), run(ben.id)]);
    // The outbox is shared with other test files: count only this world's Ben.
    const mine = (await listOutbox({ dir: outboxDir(), limit: 10_000 })).filter((e) =>
      e.to.includes(ben.email),
    );
    expect(mine).toHaveLength(1);
  });

  it('sends nothing while every notification is younger than the delay', async () => {
    const { ana, design, notify, ben } = world;
    await notify({ kind: 'mention', conversationId: design.id, actorId: ana.id, preview: 'hi' });
    const before = outboxFiles().length;
    await run(ben.id);
    expect(outboxFiles().length).toBe(before);
    const jobs = await world.store.listJobs({ states: ['pending'], limit: 10 });
    expect(jobs.map((j) => j.name)).toEqual(['email-digest']);
  });

  it('refuses a payload without a user id', () => {
    const schema = jobCatalog['email-digest'].payload;
    expect(schema.safeParse({}).success).toBe(false);
    expect(schema.safeParse({ userId: '' }).success).toBe(false);
  });
});
