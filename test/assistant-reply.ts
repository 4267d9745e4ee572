import { afterAll, afterEach, beforeAll, vi } from 'vitest';

import { getStore } from '@/lib/app-store';
import { ASSISTANT_ID } from '@/lib/assistant/identity';
import { replyToMessage, type ReplySettings } from '@/lib/assistant/server/reply';
import type { Store } from '@/lib/db';
import type { Message } from '@/lib/db/types';
import * as realtime from '@/lib/realtime/server/publish';
import { resetBreaker } from '@/lib/resilience/breakers';
import { uniqueEmail } from '@/test/api';
import { startFakeOpenAI, type FakeMode, type FakeOpenAI } from '@/test/fake-openai';

/**
 * The assistant's reply against a fake OpenAI-compatible provider, for workers/assistant-reply*.
 * Call once at the top of a test file: it registers the hooks that start the fake and reset the
 * provider's breaker between cases (failures in one case would open it for the next).
 */
export function assistantReplyFixture() {
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

  return {
    get store() {
      return store;
    },
    get fake() {
      return fake;
    },
    settings,

    /** A person in a direct conversation with the assistant, who just asked `body`. */
    async askDirectly(body: string, name = 'Ana') {
      const person = await store.createUser({
        email: uniqueEmail('ask'),
        name,
        passwordHash: null,
      });
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
    },

    /** Records every event published to conversation rooms, and who was to hear it. */
    recordPublishes() {
      const spy = vi.spyOn(realtime, 'publishToConversation');
      return {
        events: () => spy.mock.calls.flatMap(([call]) => call.events),
        recipients: () => spy.mock.calls.map(([call]) => call.recipients),
      };
    },

    async assistantMessages(conversationId: string): Promise<Message[]> {
      const { messages } = await store.listMessages({ conversationId, limit: 100 });
      return messages.filter((m) => m.authorId === ASSISTANT_ID);
    },

    reply(question: Message, over: Partial<Parameters<typeof replyToMessage>[0]> = {}) {
      return replyToMessage({
        store,
        conversationId: question.conversationId,
        messageId: question.id,
        settings: settings(),
        ...over,
      });
    },

    /** Switches the fake's behaviour; returns how many requests it had seen before. */
    useMode(mode: FakeMode) {
      fake.setMode(mode);
      return fake.requests.length;
    },
  };
}
