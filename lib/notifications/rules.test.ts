import { describe, expect, it } from 'vitest';

import { ASSISTANT_ID } from '@/lib/assistant/identity';
import type { NotificationLevel } from '@/lib/db/types';

import { gameRecipient, messageRecipients, missedCallRecipients, type MessageFacts } from './rules';

const member = (userId: string, level: NotificationLevel = 'all', muted = false) => ({
  userId,
  level,
  muted,
});
const message = (over: Partial<MessageFacts> = {}): MessageFacts => ({
  authorId: 'ana',
  kind: 'user',
  deleted: false,
  mentions: [],
  replyToAuthorId: null,
  thread: null,
  ...over,
});
const none = new Set<string>();

describe('messageRecipients', () => {
  it('never notifies the author about their own message', () => {
    const out = messageRecipients({
      message: message(),
      conversationKind: 'direct',
      members: [member('ana'), member('ben')],
      viewers: none,
    });
    expect(out).toEqual([{ userId: 'ben', kind: 'dm' }]);
  });

  it('labels group messages as mention, reply or plain message per member', () => {
    const out = messageRecipients({
      message: message({ mentions: ['ben'], replyToAuthorId: 'cai' }),
      conversationKind: 'group',
      members: [member('ana'), member('ben'), member('cai'), member('dan')],
      viewers: none,
    });
    expect(out).toEqual([
      { userId: 'ben', kind: 'mention' },
      { userId: 'cai', kind: 'reply' },
      { userId: 'dan', kind: 'message' },
    ]);
  });

  it('skips people looking at the conversation right now', () => {
    const out = messageRecipients({
      message: message({ mentions: ['ben'] }),
      conversationKind: 'group',
      members: [member('ana'), member('ben'), member('cai')],
      viewers: new Set(['ben']),
    });
    expect(out.map((r) => r.userId)).toEqual(['cai']);
  });

  it('skips muted conversations, even for a mention or a DM', () => {
    expect(
      messageRecipients({
        message: message({ mentions: ['ben'] }),
        conversationKind: 'group',
        members: [member('ana'), member('ben', 'all', true)],
        viewers: none,
      }),
    ).toEqual([]);
    expect(
      messageRecipients({
        message: message(),
        conversationKind: 'direct',
        members: [member('ana'), member('ben', 'all', true)],
        viewers: none,
      }),
    ).toEqual([]);
  });

  it('applies each level: all, mentions and DMs only, nothing', () => {
    const group = (level: NotificationLevel, over: Partial<MessageFacts> = {}) =>
      messageRecipients({
        message: message(over),
        conversationKind: 'group',
        members: [member('ana'), member('ben', level)],
        viewers: none,
      });
    expect(group('all')).toEqual([{ userId: 'ben', kind: 'message' }]);
    expect(group('mentions')).toEqual([]);
    expect(group('mentions', { mentions: ['ben'] })).toEqual([{ userId: 'ben', kind: 'mention' }]);
    expect(group('mentions', { replyToAuthorId: 'ben' })).toEqual([
      { userId: 'ben', kind: 'reply' },
    ]);
    expect(group('nothing', { mentions: ['ben'] })).toEqual([]);
    const dm = messageRecipients({
      message: message(),
      conversationKind: 'direct',
      members: [member('ana'), member('ben', 'mentions')],
      viewers: none,
    });
    expect(dm).toEqual([{ userId: 'ben', kind: 'dm' }]);
  });

  it('ignores system messages, deleted messages and the assistant', () => {
    const members = [member('ana'), member('ben'), member(ASSISTANT_ID)];
    const run = (over: Partial<MessageFacts>) =>
      messageRecipients({
        message: message(over),
        conversationKind: 'group',
        members,
        viewers: none,
      });
    expect(run({ kind: 'system', authorId: null })).toEqual([]);
    expect(run({ deleted: true })).toEqual([]);
    expect(run({}).map((r) => r.userId)).toEqual(['ben']);
    // The assistant's own reply notifies the person it answers.
    expect(run({ authorId: ASSISTANT_ID }).map((r) => r.userId)).toEqual(['ana', 'ben']);
  });
});

describe('missedCallRecipients', () => {
  it('notifies members who neither joined nor declined, per their settings', () => {
    const out = missedCallRecipients({
      call: { startedBy: 'ana', participants: ['ana', 'ben'], declinedBy: ['cai'] },
      members: [
        member('ana'),
        member('ben'),
        member('cai'),
        member('dan', 'mentions'),
        member('eve', 'nothing'),
        member('fay', 'all', true),
      ],
    });
    expect(out).toEqual([{ userId: 'dan', kind: 'missed_call' }]);
  });
});

describe('messageRecipients for thread replies', () => {
  const thread = (followerIds: string[], alsoInConversation = false) => ({
    followerIds,
    alsoInConversation,
  });

  it('notifies the thread’s followers as a reply and the mentioned as a mention', () => {
    const out = messageRecipients({
      message: message({ mentions: ['cai'], thread: thread(['ana', 'ben']) }),
      conversationKind: 'group',
      members: [member('ana', 'mentions'), member('ben', 'mentions'), member('cai', 'mentions')],
      viewers: none,
    });
    expect(out).toEqual([
      { userId: 'ben', kind: 'reply' },
      { userId: 'cai', kind: 'mention' },
    ]);
  });

  it('keeps a reply in its thread from people who hear of every message, unless also sent', () => {
    const members = [member('ana'), member('dan', 'all')];
    expect(
      messageRecipients({
        message: message({ thread: thread(['ana']) }),
        conversationKind: 'group',
        members,
        viewers: none,
      }),
    ).toEqual([]);
    expect(
      messageRecipients({
        message: message({ thread: thread(['ana'], true) }),
        conversationKind: 'group',
        members,
        viewers: none,
      }),
    ).toEqual([{ userId: 'dan', kind: 'message' }]);
  });

  it('still respects mute and the nothing level for followers', () => {
    const out = messageRecipients({
      message: message({ thread: thread(['ben', 'cai']) }),
      conversationKind: 'group',
      members: [member('ben', 'mentions', true), member('cai', 'nothing')],
      viewers: none,
    });
    expect(out).toEqual([]);
  });
});

describe('gameRecipient', () => {
  const turn = (userId: string, actorId: string | null = 'ana') => ({
    kind: 'game_turn' as const,
    userId,
    actorId,
  });

  it('notifies the person at the default level (game notices are personal)', () => {
    expect(
      gameRecipient({ notice: turn('ben'), members: [member('ben', 'mentions')], viewers: none }),
    ).toEqual({ userId: 'ben', kind: 'game_turn' });
    expect(
      gameRecipient({
        notice: { kind: 'game_challenge', userId: 'ben', actorId: 'ana' },
        members: [member('ben', 'mentions')],
        viewers: none,
      }),
    ).toEqual({ userId: 'ben', kind: 'game_challenge' });
  });

  it.each([
    ['a muted conversation', member('ben', 'all', true), none],
    ['notifications off', member('ben', 'nothing'), none],
    ['the conversation open right now', member('ben'), new Set(['ben'])],
  ])('not with %s', (_label, facts, viewers) => {
    expect(gameRecipient({ notice: turn('ben'), members: [facts], viewers })).toBeNull();
  });

  it('never the assistant, the person who caused it, or someone no longer a member', () => {
    const members = [member('ben'), member(ASSISTANT_ID)];
    expect(gameRecipient({ notice: turn(ASSISTANT_ID), members, viewers: none })).toBeNull();
    expect(gameRecipient({ notice: turn('ben', 'ben'), members, viewers: none })).toBeNull();
    expect(gameRecipient({ notice: turn('cy'), members, viewers: none })).toBeNull();
  });
});
