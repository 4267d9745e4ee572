import { beforeAll, describe, expect, it } from 'vitest';

import { getStore } from '@/lib/app-store';
import type { Store } from '@/lib/db';
import { uniqueEmail } from '@/test/api';

import {
  CONTEXT_MESSAGES,
  MESSAGE_OVERHEAD_TOKENS,
  buildContext,
  estimateTokens,
  fitToBudget,
} from './context';
import { ASSISTANT_ID } from '../identity';
import type { ChatMessage } from './openai-stream';

const system: ChatMessage = { role: 'system', content: 'x'.repeat(40) }; // 10 + 4 tokens
/** A user turn that costs exactly `tokens` (content length 4 per token, plus the overhead). */
const turn = (name: string, tokens: number): ChatMessage => {
  const content = `${name}:`.padEnd((tokens - MESSAGE_OVERHEAD_TOKENS) * 4, '.');
  return { role: 'user', content };
};

describe('estimateTokens', () => {
  it('counts about four characters per token plus a per-message overhead', () => {
    expect(estimateTokens({ role: 'user', content: '' })).toBe(MESSAGE_OVERHEAD_TOKENS);
    expect(estimateTokens({ role: 'user', content: 'abcd' })).toBe(1 + MESSAGE_OVERHEAD_TOKENS);
    expect(estimateTokens({ role: 'user', content: 'abcde' })).toBe(2 + MESSAGE_OVERHEAD_TOKENS);
  });
});

describe('fitToBudget', () => {
  const turns = [turn('a', 20), turn('b', 20), turn('c', 20), turn('d', 20)];

  it('keeps everything that fits, system prompt first, order unchanged', () => {
    expect(fitToBudget(system, turns, 14 + 80)).toEqual([system, ...turns]);
  });

  it('drops the oldest turns first until the rest fits', () => {
    expect(fitToBudget(system, turns, 14 + 79)).toEqual([system, ...turns.slice(1)]);
    expect(fitToBudget(system, turns, 14 + 40)).toEqual([system, ...turns.slice(2)]);
  });

  it('does not skip over a turn that is too big to reach an older one that would fit', () => {
    const mixed = [turn('small', 5), turn('big', 60), turn('last', 20)];
    expect(fitToBudget(system, mixed, 14 + 20 + 10)).toEqual([system, mixed[2]]);
  });

  it('always keeps the last turn, the one being answered, even alone over the budget', () => {
    expect(fitToBudget(system, turns, 1)).toEqual([system, turns[3]]);
  });

  it('is just the system prompt when there is nothing to answer', () => {
    expect(fitToBudget(system, [], 1000)).toEqual([system]);
  });
});

describe('buildContext', () => {
  let store: Store;
  beforeAll(async () => {
    store = await getStore();
  });

  const person = (name: string) =>
    store.createUser({ email: uniqueEmail('ctx'), name, passwordHash: null });
  const say = async (conversationId: string, authorId: string, body: string) =>
    (await store.createMessage({ conversationId, authorId, body, clientId: crypto.randomUUID() }))
      .message;

  it('is the conversation up to the question: names as prefixes, its own turns as assistant', async () => {
    const [ana, ben] = [await person('Ana Lima'), await person('Ben')];
    const group = await store.createGroup({
      name: 'Trip',
      ownerId: ana.id,
      memberIds: [ben.id, ASSISTANT_ID],
    });
    await store.createMessage({
      conversationId: group.id,
      authorId: null,
      body: '',
      system: { type: 'conversation.created', actorId: ana.id },
    });
    await say(group.id, ana.id, 'Where shall we go?');
    const gone = await say(group.id, ben.id, 'something I regret');
    await store.deleteMessage({ id: gone.id });
    await say(group.id, ASSISTANT_ID, 'Somewhere warm?');
    const question = await say(group.id, ben.id, '@ai what about Lisbon?');
    await say(group.id, ana.id, 'sent after the question');

    const context = await buildContext({ store, trigger: question, budgetTokens: 4000 });
    expect(context[0]!.role).toBe('system');
    expect(context[0]!.content).toContain('Parley AI');
    expect(context[0]!.content).toContain('People in this conversation: Ana Lima, Ben.');
    expect(context.slice(1)).toEqual([
      { role: 'user', content: 'Ana Lima: Where shall we go?' },
      { role: 'assistant', content: 'Somewhere warm?' },
      { role: 'user', content: 'Ben: @ai what about Lisbon?' },
    ]);
  });

  it('reads at most the latest CONTEXT_MESSAGES and trims them to the budget', async () => {
    const ana = await person('Ana');
    const { conversation } = await store.findOrCreateDirect({
      userIds: [ana.id, ASSISTANT_ID],
      createdBy: ana.id,
    });
    let last = await say(conversation.id, ana.id, 'message 1');
    for (let i = 2; i <= CONTEXT_MESSAGES + 10; i++) {
      last = await say(conversation.id, ana.id, `message ${i}`);
    }
    const wide = await buildContext({ store, trigger: last, budgetTokens: 100_000 });
    expect(wide).toHaveLength(1 + CONTEXT_MESSAGES);
    expect(wide[1]!.content).toBe('Ana: message 11');

    const narrow = await buildContext({ store, trigger: last, budgetTokens: 120 });
    const total = narrow.reduce((sum, m) => sum + estimateTokens(m), 0);
    expect(total).toBeLessThanOrEqual(120);
    expect(narrow.length).toBeGreaterThan(2);
    expect(narrow.length).toBeLessThan(wide.length);
    expect(narrow.at(-1)).toEqual({
      role: 'user',
      content: `Ana: message ${CONTEXT_MESSAGES + 10}`,
    });
  });
});
