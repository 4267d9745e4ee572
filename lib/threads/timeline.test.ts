import { describe, expect, it } from 'vitest';

import { groupForDisplay } from '@/lib/chat/timeline';
import type { MessageWire } from '@/lib/chat/wire';
import { messageWire } from '@/test/message-wire';

import { inMainTimeline, mainTimeline } from './timeline';

const m = (id: string, threadRootId: string | null, alsoInConversation = false) =>
  ({ id, threadRootId, alsoInConversation }) as MessageWire;

describe('mainTimeline', () => {
  it('keeps roots, plain messages and replies also sent to the conversation', () => {
    const timeline = { messages: [m('a', null), m('b', 'a'), m('c', 'a', true)], other: 1 };
    expect(mainTimeline(timeline)).toEqual({
      messages: [m('a', null), m('c', 'a', true)],
      other: 1,
    });
  });
  it('hands back the same object when nothing is hidden', () => {
    const timeline = { messages: [m('a', null)] };
    expect(mainTimeline(timeline)).toBe(timeline);
  });
  it('tells replies kept in their thread apart', () => {
    expect(inMainTimeline(m('b', 'a'))).toBe(false);
    expect(inMainTimeline(m('a', null))).toBe(true);
  });
});

describe('the "New messages" divider with thread replies', () => {
  const message = (seq: number, threadRootId: string | null = null) =>
    messageWire(seq, { threadRootId });
  // As the message list does: the main timeline, then the rows.
  const rows = (messages: MessageWire[], lastReadSeq: number) =>
    groupForDisplay(mainTimeline({ messages, pending: [] }), {
      meId: 'u-me',
      lastReadSeq,
      now: new Date('2026-12-06T12:00:00.000Z'),
      timeZone: 'UTC',
    }).map((r) => (r.type === 'message' && r.item.status === 'sent' ? r.item.message.id : r.type));

  it('goes before the first new message of the timeline, never at a reply kept in its thread', () => {
    expect(rows([message(1), message(2, 'm1'), message(3, 'm1'), message(4)], 1)).toEqual([
      'date',
      'm1',
      'unread',
      'm4',
    ]);
  });

  it('is not shown when only replies kept in their threads are new', () => {
    expect(rows([message(1), message(2, 'm1'), message(3, 'm1')], 1)).toEqual(['date', 'm1']);
  });
});
