import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// The "no provider" case reads the real environment: make sure a developer's key is not in it.
vi.hoisted(() => {
  delete process.env.AI_API_KEY;
});

import { getStore } from '@/lib/app-store';
import { ASSISTANT_ID } from '@/lib/assistant/identity';
import { replyToMessage, type ReplySettings } from '@/lib/assistant/server/reply';
import type { Store } from '@/lib/db';
import type { Message } from '@/lib/db/types';
import type { RoomEvent } from '@/lib/realtime/protocol';
import * as realtime from '@/lib/realtime/server/publish';
import { resetBreaker } from '@/lib/resilience/breakers';
import { uniqueEmail } from '@/test/api';
import { startFakeOpenAI, type FakeMode, type FakeOpenAI } from '@/test/fake-openai';

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

describe('assistant-reply: a streamed answer', () => {
  it('publishes a growing draft, then stores and announces the answer once', async () => {
    const pieces = ['Hel', 'lo ', 'Ana', ', ', 'çé👋', ' — ', 'how ', 'can ', 'I ', 'help?'];
    const before = useMode({ kind: 'stream', pieces, delayMs: 12 });
    const { person, conversationId, question } = await askDirectly('hello there');
    const published = recordPublishes();

    await reply(question);

    const request = fake.requests[before]!;
    expect(request.headers.authorization).toBe('Bearer sk-test');
    const body = request.body as { model: string; stream: boolean; messages: unknown[] };
    expect(body.model).toBe('fake-model');
    expect(body.stream).toBe(true);
    expect(body.messages[0]).toMatchObject({ role: 'system' });
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'Ana: hello there' });

    const answer = pieces.join('');
    const stored = await assistantMessages(conversationId);
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
    const jobs = await store.listJobs({ states: ['pending'], limit: 500 });
    expect(jobs.map((j) => j.dedupeId)).toContain(`message-created:${stored[0]!.id}`);
  });

  it('running the job again stores nothing new and does not ask the provider again', async () => {
    useMode({ kind: 'stream', pieces: ['Once', ' only'] });
    const { conversationId, question } = await askDirectly('say it once');
    await reply(question);
    const asked = fake.requests.length;
    const published = recordPublishes();

    await reply(question);

    expect(fake.requests.length).toBe(asked);
    expect(published.events()).toEqual([]);
    expect((await assistantMessages(conversationId)).map((m) => m.body)).toEqual(['Once only']);
  });

  it('two runs at the same time still store and announce one reply', async () => {
    useMode({ kind: 'stream', pieces: ['Just', ' one'], delayMs: 10 });
    const { conversationId, question } = await askDirectly('race');
    const published = recordPublishes();

    await Promise.all([reply(question), reply(question)]);

    expect((await assistantMessages(conversationId)).map((m) => m.body)).toEqual(['Just one']);
    expect(published.events().filter((e) => e.type === 'message.created')).toHaveLength(1);
  });

  it('an empty completion says it has no answer', async () => {
    useMode({ kind: 'stream', pieces: [] });
    const { conversationId, question } = await askDirectly('…');
    await reply(question);
    expect((await assistantMessages(conversationId)).map((m) => m.body)).toEqual([
      'I have no answer to that.',
    ]);
  });

  it('answers nothing to a message deleted before the job ran', async () => {
    const before = useMode({ kind: 'stream', pieces: ['too late'] });
    const { conversationId, question } = await askDirectly('never mind');
    await store.deleteMessage({ id: question.id });
    await reply(question);
    expect(fake.requests.length).toBe(before);
    expect(await assistantMessages(conversationId)).toEqual([]);
  });
});
