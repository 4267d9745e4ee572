import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { getStore } from '@/lib/app-store';
import { getRateLimiter } from '@/lib/cache/rate-limit';
import { GROUP_MAX_MEMBERS } from '@/lib/chat/schemas';
import type { Store } from '@/lib/db';
import type { Message, User } from '@/lib/db/types';
import { env } from '@/lib/env';
import { enqueueJob } from '@/lib/jobs/enqueue';
import * as realtime from '@/lib/realtime/server/publish';
import { uniqueEmail } from '@/test/api';

import { assertAssistantCanAnswer, isAssistantAddressed, mentionsAi } from './addressing';
import { ASSISTANT_ID } from '../identity';
import { assistantRateRule, requestAssistantReply } from './trigger';

// The queue is another module's business: here only what is asked of it matters.
vi.mock('@/lib/jobs/enqueue', () => ({
  enqueueJob: vi.fn(async () => ({ job: {}, created: true })),
}));

afterEach(() => {
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

describe('mentionsAi', () => {
  it.each([
    '@ai what is 2+2?',
    'hey @AI',
    'thoughts, @Ai?',
    '(@ai) summarise please',
    'question for @ai.',
    'first line\n@ai second line',
    '@ai: help',
  ])('hears %j', (text) => {
    expect(mentionsAi(text)).toBe(true);
  });

  it.each([
    'mail ana@ai.com about it',
    'x@ai',
    'hi @aida',
    'ping @ai-bot',
    'see @ai_helper',
    'visit @ai.dev',
    'https://example.com/@ai',
    'the ai said so',
    'no mention at all',
    '@@ai',
  ])('ignores %j', (text) => {
    expect(mentionsAi(text)).toBe(false);
  });
});

describe('isAssistantAddressed', () => {
  const message = (over: Partial<Message> = {}) => ({
    kind: 'user' as const,
    authorId: 'u_ana',
    body: 'hello',
    mentions: [] as string[],
    ...over,
  });
  const direct = { kind: 'direct' as const };
  const group = { kind: 'group' as const };

  it('answers every message a person sends it directly', () => {
    expect(
      isAssistantAddressed({
        conversation: direct,
        memberIds: ['u_ana', ASSISTANT_ID],
        message: message(),
      }),
    ).toBe(true);
  });

  it('stays out of direct conversations between people, @ai or not', () => {
    expect(
      isAssistantAddressed({
        conversation: direct,
        memberIds: ['u_ana', 'u_ben'],
        message: message({ body: '@ai hi' }),
      }),
    ).toBe(false);
  });

  it('answers @ai in a group, whether or not it is a member yet', () => {
    for (const memberIds of [
      ['u_ana', 'u_ben'],
      ['u_ana', 'u_ben', ASSISTANT_ID],
    ]) {
      expect(
        isAssistantAddressed({
          conversation: group,
          memberIds,
          message: message({ body: 'so @ai, what now?' }),
        }),
      ).toBe(true);
    }
  });

  it('answers an @mention of it by name in a group', () => {
    expect(
      isAssistantAddressed({
        conversation: group,
        memberIds: ['u_ana', ASSISTANT_ID],
        message: message({ body: '@Parley AI hi', mentions: [ASSISTANT_ID] }),
      }),
    ).toBe(true);
  });

  it('stays quiet in a group unless called, even as a member', () => {
    expect(
      isAssistantAddressed({
        conversation: group,
        memberIds: ['u_ana', ASSISTANT_ID],
        message: message({ body: 'email ana@ai.com', mentions: ['u_ben'] }),
      }),
    ).toBe(false);
  });

  it('never answers itself or a system message', () => {
    const memberIds = ['u_ana', ASSISTANT_ID];
    expect(
      isAssistantAddressed({
        conversation: direct,
        memberIds,
        message: message({ authorId: ASSISTANT_ID, body: '@ai' }),
      }),
    ).toBe(false);
    expect(
      isAssistantAddressed({
        conversation: group,
        memberIds,
        message: message({ authorId: ASSISTANT_ID, body: '@ai', mentions: [ASSISTANT_ID] }),
      }),
    ).toBe(false);
    expect(
      isAssistantAddressed({
        conversation: direct,
        memberIds,
        message: message({ kind: 'system', authorId: null, body: '' }),
      }),
    ).toBe(false);
  });
});

describe('requestAssistantReply', () => {
  let store: Store;
  beforeAll(async () => {
    store = await getStore();
  });

  const person = (name: string) =>
    store.createUser({ email: uniqueEmail('trigger'), name, passwordHash: null });
  const say = async (conversationId: string, author: User, body: string) =>
    (
      await store.createMessage({
        conversationId,
        authorId: author.id,
        body,
        clientId: crypto.randomUUID(),
      })
    ).message;

  it('queues one reply per message, payload and dedupe id naming the message', async () => {
    const ana = await person('Ana');
    const { conversation } = await store.findOrCreateDirect({
      userIds: [ana.id, ASSISTANT_ID],
      createdBy: ana.id,
    });
    const message = await say(conversation.id, ana, 'hello');
    await requestAssistantReply({
      store,
      user: ana,
      conversationId: conversation.id,
      messageId: message.id,
    });
    expect(vi.mocked(enqueueJob).mock.calls).toEqual([
      [
        'assistant-reply',
        { conversationId: conversation.id, messageId: message.id },
        { dedupeId: `assistant-reply:${message.id}`, store },
      ],
    ]);
  });

  it('adds the assistant to a group once, as the person who called it, and tells everyone', async () => {
    const [ana, ben] = [await person('Ana'), await person('Ben')];
    const group = await store.createGroup({ name: 'Plans', ownerId: ana.id, memberIds: [ben.id] });
    const publish = vi.spyOn(realtime, 'publishToConversation');

    const first = await say(group.id, ben, '@ai hello');
    await requestAssistantReply({
      store,
      user: ben,
      conversationId: group.id,
      messageId: first.id,
    });
    const second = await say(group.id, ana, '@ai again');
    await requestAssistantReply({
      store,
      user: ana,
      conversationId: group.id,
      messageId: second.id,
    });

    const members = await store.listMemberships({ conversationId: group.id });
    expect(members.filter((m) => m.userId === ASSISTANT_ID)).toHaveLength(1);
    const { messages } = await store.listMessages({ conversationId: group.id, limit: 50 });
    const added = messages.filter((m) => m.system?.type === 'member.added');
    expect(added.map((m) => m.system)).toEqual([
      { type: 'member.added', actorId: ben.id, userIds: [ASSISTANT_ID] },
    ]);
    const events = publish.mock.calls.flatMap(([call]) => call.events);
    expect(events.filter((e) => e.type === 'member.added')).toEqual([
      { type: 'member.added', conversationId: group.id, userIds: [ASSISTANT_ID] },
    ]);
    expect(vi.mocked(enqueueJob)).toHaveBeenCalledTimes(2);
  });

  it('over the hourly limit still queues the reply, marked limited with the wait', async () => {
    const ana = await person('Ana');
    const { conversation } = await store.findOrCreateDirect({
      userIds: [ana.id, ASSISTANT_ID],
      createdBy: ana.id,
    });
    for (let i = 0; i < env.AI_REQUESTS_PER_HOUR - 1; i++) {
      await getRateLimiter().consume(`assistant:${ana.id}`, assistantRateRule());
    }
    const last = await say(conversation.id, ana, 'the last one allowed');
    await requestAssistantReply({
      store,
      user: ana,
      conversationId: conversation.id,
      messageId: last.id,
    });
    const over = await say(conversation.id, ana, 'one too many');
    await requestAssistantReply({
      store,
      user: ana,
      conversationId: conversation.id,
      messageId: over.id,
    });
    const payloads = vi.mocked(enqueueJob).mock.calls.map(([, payload]) => payload);
    expect(payloads[0]).toEqual({ conversationId: conversation.id, messageId: last.id });
    expect(payloads[1]).toEqual({
      conversationId: conversation.id,
      messageId: over.id,
      limited: { retryAfterSeconds: expect.any(Number) },
    });
    const wait = (payloads[1] as { limited: { retryAfterSeconds: number } }).limited;
    expect(wait.retryAfterSeconds).toBeGreaterThan(3500);
    expect(wait.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });
});

describe('assertAssistantCanAnswer', () => {
  it('refuses @ai in a full group the assistant is not in, with what to do instead', async () => {
    const store = await getStore();
    const people = await Promise.all(
      Array.from({ length: GROUP_MAX_MEMBERS }, (_, i) =>
        store.createUser({ email: uniqueEmail(`full${i}`), name: `Full ${i}`, passwordHash: null }),
      ),
    );
    const [owner, ...rest] = people;
    const full = await store.createGroup({
      name: 'Full house',
      ownerId: owner!.id,
      memberIds: rest.map((p) => p.id),
    });
    const check = (body: string, conversation = full) =>
      assertAssistantCanAnswer({ store, conversation, body });
    await expect(check('@ai summarise this')).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/can't join this group.*direct message to Parley AI/),
    });
    // Without @ai, or with room to join, it is no business of this check.
    await expect(check('no call for the assistant')).resolves.toBeUndefined();
    const roomy = await store.createGroup({ name: 'Roomy', ownerId: owner!.id, memberIds: [] });
    await expect(check('@ai hi', roomy)).resolves.toBeUndefined();
    // Already a member (it joined before the group filled up): it can answer.
    await store.removeMember({ conversationId: full.id, userId: rest[0]!.id });
    await store.addMembers({ conversationId: full.id, userIds: [ASSISTANT_ID] });
    await expect(check('@ai hi')).resolves.toBeUndefined();
  });
});
