import { describe, expect, it, vi } from 'vitest';

// The "no provider" case reads the real environment: make sure a developer's key is not in it.
vi.hoisted(() => {
  delete process.env.AI_API_KEY;
});

import { replyToMessage } from '@/lib/assistant/server/reply';
import { NOT_CONFIGURED } from '@/lib/assistant/server/texts';
import { env } from '@/lib/env';

import { assistantReplyPayloadSchema, jobCatalog } from '@/lib/jobs/catalog';
import { assistantReplyFixture } from '@/test/assistant-reply';

import { assistantReply } from './assistant-reply';

const fx = assistantReplyFixture();

describe('assistant-reply: never silent', () => {
  it('a provider error becomes an assistant message saying what went wrong', async () => {
    fx.useMode({ kind: 'error', status: 401, message: 'Invalid API Key' });
    const { conversationId, question } = await fx.askDirectly('hello');
    const published = fx.recordPublishes();
    await fx.reply(question);
    const [stored] = await fx.assistantMessages(conversationId);
    expect(stored).toMatchObject({
      body: "I couldn't answer: the AI provider said 401 Unauthorized (Invalid API Key). Check AI_API_KEY.",
      clientId: `ai-${question.id}`,
      replyToId: question.id,
    });
    expect(published.events().map((e) => e.type)).toEqual(['message.created']);
  });

  it('after three failures in a row it answers at once that the provider is unavailable, and when it tries again', async () => {
    fx.useMode({ kind: 'error', status: 503, message: 'overloaded' });
    for (let i = 0; i < 3; i++) await fx.reply((await fx.askDirectly(`try ${i}`)).question);
    const asked = fx.fake.requests.length;

    const { conversationId, question } = await fx.askDirectly('still there?');
    await fx.reply(question);
    expect(fx.fake.requests.length).toBe(asked); // the open breaker did not call the provider
    const [stored] = await fx.assistantMessages(conversationId);
    expect(stored?.body).toMatch(
      /^I couldn't answer: the AI provider is unavailable \(it failed several times in a row\)\. I'll try it again after \d\d:\d\d UTC\.$/,
    );
  });

  it('a provider that never answers times out with a message', async () => {
    fx.useMode({ kind: 'hang' });
    const { conversationId, question } = await fx.askDirectly('hello?');
    const started = Date.now();
    await replyToMessage({
      store: fx.store,
      conversationId,
      messageId: question.id,
      settings: fx.settings({ timeoutMs: 300 }),
    });
    // Bounded by the 300 ms timeout, not by the test's own timeout (20 s): a generous bound, not a benchmark.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await fx.assistantMessages(conversationId)).map((m) => m.body)).toEqual([
      "I couldn't answer: the AI provider didn't respond within 300 milliseconds. Try again in a moment.",
    ]);
  });

  it('a reply cut off by the timeout keeps what arrived and says it was cut off', async () => {
    fx.useMode({ kind: 'hang', pieces: ['The answer ', 'is'] });
    const { conversationId, question } = await fx.askDirectly('tell me');
    await replyToMessage({
      store: fx.store,
      conversationId,
      messageId: question.id,
      settings: fx.settings({ timeoutMs: 400 }),
    });
    expect((await fx.assistantMessages(conversationId)).map((m) => m.body)).toEqual([
      "The answer is\n\n_(Cut off: the AI provider didn't finish within 400 milliseconds.)_",
    ]);
  });

  it('over the hourly limit it answers with the limit and the wait, without asking anyone', async () => {
    const before = fx.fake.requests.length;
    const { conversationId, question } = await fx.askDirectly('one more');
    await fx.reply(question, { limited: { retryAfterSeconds: 2500 } });
    expect(fx.fake.requests.length).toBe(before);
    expect((await fx.assistantMessages(conversationId)).map((m) => m.body)).toEqual([
      "You've reached 30 requests per hour to Parley AI. Try again in 42 minutes.",
    ]);
  });

  it('a job stopped from outside rethrows (the queue retries) and stores nothing', async () => {
    fx.useMode({ kind: 'hang' });
    const { conversationId, question } = await fx.askDirectly('slow one');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('attempt timed out')), 100);
    await expect(fx.reply(question, { signal: controller.signal })).rejects.toThrow(
      'attempt timed out',
    );
    expect(await fx.assistantMessages(conversationId)).toEqual([]);
  });
});

describe('the assistant-reply job', () => {
  it('with no AI_API_KEY answers at once that no provider is configured', async () => {
    expect(env.AI_API_KEY).toBeUndefined();
    const before = fx.fake.requests.length;
    const { conversationId, question } = await fx.askDirectly('hello');
    const payload = assistantReplyPayloadSchema.parse({ conversationId, messageId: question.id });
    await assistantReply(payload, {
      store: fx.store,
      jobId: 'j_test',
      attempt: 1,
      signal: new AbortController().signal,
    });
    expect(fx.fake.requests.length).toBe(before);
    const stored = await fx.assistantMessages(conversationId);
    expect(stored.map((m) => m.body)).toEqual([NOT_CONFIGURED]);
    expect(NOT_CONFIGURED).toMatch(/AI_API_KEY/);
  });

  it('gives the provider time to time out before the job itself does, and retries little', () => {
    const spec = jobCatalog['assistant-reply'];
    expect(spec.timeoutMs).toBeGreaterThan(env.AI_TIMEOUT_MS);
    expect(spec.maxAttempts).toBeLessThanOrEqual(3);
  });

  it('refuses a payload without the message it answers', () => {
    expect(assistantReplyPayloadSchema.safeParse({ conversationId: 'c_1' }).success).toBe(false);
    expect(
      assistantReplyPayloadSchema.safeParse({
        conversationId: 'c_1',
        messageId: 'm_1',
        limited: { retryAfterSeconds: -1 },
      }).success,
    ).toBe(false);
  });
});
