import { describe, expect, it, vi } from 'vitest';

// The "no provider" case reads the real environment: make sure a developer's key is not in it.
vi.hoisted(() => {
  delete process.env.AI_API_KEY;
});

import { ASSISTANT_ID } from '@/lib/assistant/identity';
import type { RoomEvent } from '@/lib/realtime/protocol';
import { assistantReplyFixture } from '@/test/assistant-reply';

const fx = assistantReplyFixture();

describe('assistant-reply: a streamed answer', () => {
  it('publishes a growing draft, then stores and announces the answer once', async () => {
    const pieces = ['Hel', 'lo ', 'Ana', ', ', 'çé👋', ' — ', 'how ', 'can ', 'I ', 'help?'];
    const before = fx.useMode({ kind: 'stream', pieces, delayMs: 12 });
    const { person, conversationId, question } = await fx.askDirectly('hello there');
    const published = fx.recordPublishes();

    await fx.reply(question);

    const request = fx.fake.requests[before]!;
    expect(request.headers.authorization).toBe('Bearer sk-test');
    const body = request.body as { model: string; stream: boolean; messages: unknown[] };
    expect(body.model).toBe('fake-model');
    expect(body.stream).toBe(true);
    expect(body.messages[0]).toMatchObject({ role: 'system' });
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'Ana: hello there' });

    const answer = pieces.join('');
    const stored = await fx.assistantMessages(conversationId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      body: answer,
      clientId: `ai-${question.id}`,
      replyToId: question.id,
      mentions: [],
      kind: 'user',
    });

    const events = published.events();
    const drafts = events.filter(
      (e): e is Extract<RoomEvent, { type: 'message.draft' }> => e.type === 'message.draft',
    );
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeLessThan(pieces.length * 2);
    for (const draft of drafts) {
      expect(draft).toMatchObject({
        conversationId,
        draftId: `ai-${question.id}`,
        authorId: ASSISTANT_ID,
        replyToId: question.id,
      });
      expect(answer.startsWith(draft.body)).toBe(true);
    }
    const lengths = drafts.map((d) => d.body.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(drafts[0]!.body.length).toBeLessThan(answer.length);
    // The final message comes last, once, with the draft's id as its clientId.
    expect(events.at(-1)).toMatchObject({
      type: 'message.created',
      message: { body: answer, clientId: `ai-${question.id}`, authorId: ASSISTANT_ID },
    });
    expect(events.filter((e) => e.type === 'message.created')).toHaveLength(1);
    for (const recipients of published.recipients()) {
      expect(recipients.sort()).toEqual([person.id, ASSISTANT_ID].sort());
    }
    // Like any message, the reply is queued for notifications (the person may have left).
    const jobs = await fx.store.listJobs({ states: ['pending'], limit: 500 });
    expect(jobs.map((j) => j.dedupeId)).toContain(`message-created:${stored[0]!.id}`);
  });

  it('running the job again stores nothing new and does not ask the provider again', async () => {
    fx.useMode({ kind: 'stream', pieces: ['Once', ' only'] });
    const { conversationId, question } = await fx.askDirectly('say it once');
    await fx.reply(question);
    const asked = fx.fake.requests.length;
    const published = fx.recordPublishes();

    await fx.reply(question);

    expect(fx.fake.requests.length).toBe(asked);
    expect(published.events()).toEqual([]);
    expect((await fx.assistantMessages(conversationId)).map((m) => m.body)).toEqual(['Once only']);
  });

  it('two runs at the same time still fx.store and announce one reply', async () => {
    fx.useMode({ kind: 'stream', pieces: ['Just', ' one'], delayMs: 10 });
    const { conversationId, question } = await fx.askDirectly('race');
    const published = fx.recordPublishes();

    await Promise.all([fx.reply(question), fx.reply(question)]);

    expect((await fx.assistantMessages(conversationId)).map((m) => m.body)).toEqual(['Just one']);
    expect(published.events().filter((e) => e.type === 'message.created')).toHaveLength(1);
  });

  it('an empty completion says it has no answer', async () => {
    fx.useMode({ kind: 'stream', pieces: [] });
    const { conversationId, question } = await fx.askDirectly('…');
    await fx.reply(question);
    expect((await fx.assistantMessages(conversationId)).map((m) => m.body)).toEqual([
      'I have no answer to that.',
    ]);
  });

  it('answers nothing to a message deleted before the job ran', async () => {
    const before = fx.useMode({ kind: 'stream', pieces: ['too late'] });
    const { conversationId, question } = await fx.askDirectly('never mind');
    await fx.store.deleteMessage({ id: question.id });
    await fx.reply(question);
    expect(fx.fake.requests.length).toBe(before);
    expect(await fx.assistantMessages(conversationId)).toEqual([]);
  });
});
