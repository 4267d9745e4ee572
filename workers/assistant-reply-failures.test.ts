import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// The "no provider" case reads the real environment: make sure a developer's key is not in it.
vi.hoisted(() => {
  delete process.env.AI_API_KEY;
});

import { getStore } from '@/lib/app-store';
import { ASSISTANT_ID } from '@/lib/assistant/identity';
import { replyToMessage, type ReplySettings } from '@/lib/assistant/server/reply';
import { NOT_CONFIGURED } from '@/lib/assistant/server/texts';
import type { Store } from '@/lib/db';
import type { Message } from '@/lib/db/types';
import { env } from '@/lib/env';
import * as realtime from '@/lib/realtime/server/publish';
import { resetBreaker } from '@/lib/resilience/breakers';
import { uniqueEmail } from '@/test/api';
import { startFakeOpenAI, type FakeMode, type FakeOpenAI } from '@/test/fake-openai';

import { assistantReplyPayloadSchema, jobCatalog } from '@/lib/jobs/catalog';

import { assistantReply } from './assistant-reply';

let store: Store;
let fake: FakeOpenAI;
beforeAll(async () => {
  store = await getStore();
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  // Each case starts with the provider's breaker closed (failures in one case open it for the next).
  resetBreaker('ai');
});

function settings(over: { timeoutMs?: number } = {}): ReplySettings {
  return {
    provider: {
      baseUrl: fake.baseUrl,
      apiKey: 'sk-test',
      model: 'fake-model',
      timeoutMs: over.timeoutMs ?? 3000,
    },
    contextTokens: 4000,
    requestsPerHour: 30,
    draftIntervalMs: 20,
  };
}

/** A person in a direct conversation with the assistant, who just asked `body`. */
async function askDirectly(body: string, name = 'Ana') {
  const person = await store.createUser({ email: uniqueEmail('ask'), name, passwordHash: null });
  const { conversation } = await store.findOrCreateDirect({
    userIds: [person.id, ASSISTANT_ID],
    createdBy: person.id,
  });
  const { message } = await store.createMessage({
    conversationId: conversation.id,
    authorId: person.id,
    body,
    clientId: crypto.randomUUID(),
  });
  return { person, conversationId: conversation.id, question: message };
}

/** Records every event published to conversation rooms, and who was to hear it. */
function recordPublishes() {
  const spy = vi.spyOn(realtime, 'publishToConversation');
  return {
    events: () => spy.mock.calls.flatMap(([call]) => call.events),
    recipients: () => spy.mock.calls.map(([call]) => call.recipients),
  };
}

async function assistantMessages(conversationId: string): Promise<Message[]> {
  const { messages } = await store.listMessages({ conversationId, limit: 100 });
  return messages.filter((m) => m.authorId === ASSISTANT_ID);
}

function reply(question: Message, over: Partial<Parameters<typeof replyToMessage>[0]> = {}) {
  return replyToMessage({
    store,
    conversationId: question.conversationId,
    messageId: question.id,
    settings: settings(),
    ...over,
  });
}

function useMode(mode: FakeMode) {
  fake.setMode(mode);
  return fake.requests.length;
}

describe('assistant-reply: never silent', () => {
  it('a provider error becomes an assistant message saying what went wrong', async () => {
    useMode({ kind: 'error', status: 401, message: 'Invalid API Key' });
    const { conversationId, question } = await askDirectly('hello');
    const published = recordPublishes();
    await reply(question);
    const [stored] = await assistantMessages(conversationId);
    expect(stored).toMatchObject({
      body: "I couldn't answer: the AI provider said 401 Unauthorized (Invalid API Key). Check AI_API_KEY.",
      clientId: `ai-${question.id}`,
      replyToId: question.id,
    });
    expect(published.events().map((e) => e.type)).toEqual(['message.created']);
  });

  it('after three failures in a row it answers at once that the provider is unavailable, and when it tries again', async () => {
    useMode({ kind: 'error', status: 503, message: 'overloaded' });
    for (let i = 0; i < 3; i++) await reply((await askDirectly(`try ${i}`)).question);
    const asked = fake.requests.length;

    const { conversationId, question } = await askDirectly('still there?');
    await reply(question);
    expect(fake.requests.length).toBe(asked); // the open breaker did not call the provider
    const [stored] = await assistantMessages(conversationId);
    expect(stored?.body).toMatch(
      /^I couldn't answer: the AI provider is unavailable \(it failed several times in a row\)\. I'll try it again after \d\d:\d\d UTC\.$/,
    );
  });

  it('a provider that never answers times out with a message', async () => {
    useMode({ kind: 'hang' });
    const { conversationId, question } = await askDirectly('hello?');
    const started = Date.now();
    await replyToMessage({
      store,
      conversationId,
      messageId: question.id,
      settings: settings({ timeoutMs: 300 }),
    });
    // Bounded by the 300 ms timeout, not by the test's own timeout (20 s): a generous bound, not a benchmark.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await assistantMessages(conversationId)).map((m) => m.body)).toEqual([
      "I couldn't answer: the AI provider didn't respond within 300 milliseconds. Try again in a moment.",
    ]);
  });

  it('a reply cut off by the timeout keeps what arrived and says it was cut off', async () => {
    useMode({ kind: 'hang', pieces: ['The answer ', 'is'] });
    const { conversationId, question } = await askDirectly('tell me');
    await replyToMessage({
      store,
      conversationId,
      messageId: question.id,
      settings: settings({ timeoutMs: 400 }),
    });
    expect((await assistantMessages(conversationId)).map((m) => m.body)).toEqual([
      "The answer is\n\n_(Cut off: the AI provider didn't finish within 400 milliseconds.)_",
    ]);
  });

  it('over the hourly limit it answers with the limit and the wait, without asking anyone', async () => {
    const before = fake.requests.length;
    const { conversationId, question } = await askDirectly('one more');
    await reply(question, { limited: { retryAfterSeconds: 2500 } });
    expect(fake.requests.length).toBe(before);
    expect((await assistantMessages(conversationId)).map((m) => m.body)).toEqual([
      "You've reached 30 requests per hour to Parley AI. Try again in 42 minutes.",
    ]);
  });

  it('a job stopped from outside rethrows (the queue retries) and stores nothing', async () => {
    useMode({ kind: 'hang' });
    const { conversationId, question } = await askDirectly('slow one');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('attempt timed out')), 100);
    await expect(reply(question, { signal: controller.signal })).rejects.toThrow(
      'attempt timed out',
    );
    expect(await assistantMessages(conversationId)).toEqual([]);
  });
});

describe('the assistant-reply job', () => {
  it('with no AI_API_KEY answers at once that no provider is configured', async () => {
    expect(env.AI_API_KEY).toBeUndefined();
    const before = fake.requests.length;
    const { conversationId, question } = await askDirectly('hello');
    const payload = assistantReplyPayloadSchema.parse({ conversationId, messageId: question.id });
    await assistantReply(payload, {
      store,
      jobId: 'j_test',
      attempt: 1,
      signal: new AbortController().signal,
    });
    expect(fake.requests.length).toBe(before);
    const stored = await assistantMessages(conversationId);
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
