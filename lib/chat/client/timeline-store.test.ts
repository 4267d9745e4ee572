import { beforeEach, describe, expect, it } from 'vitest';

import type { MessageWire } from '@/lib/chat/wire';
import type { RoomEvent } from '@/lib/realtime/protocol';
import { messageWire } from '@/test/message-wire';

import { EMPTY_TIMELINE, selectTimeline, useTimelineStore } from './timeline-store';

const C = 'c1';
const ME = 'u-me';

/** One fixed time for every message: order comes from seq alone. */
const msg = (seq: number, over: Partial<MessageWire> = {}): MessageWire =>
  messageWire(seq, { createdAt: '2024-03-04T10:00:00.000Z', ...over });

const created = (m: MessageWire): RoomEvent => ({
  type: 'message.created',
  conversationId: m.conversationId,
  seq: m.seq,
  message: m,
});
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => msg(from + i));
const store = () => useTimelineStore.getState();
const timeline = () => selectTimeline(C)(store());
const seqs = () => timeline().messages.map((m) => m.seq);

beforeEach(() => store().reset());

describe('timeline store', () => {
  it('loads the latest page, then older pages before it', () => {
    expect(store().applyPage(C, { messages: range(6, 10), hasMore: true }, 'latest')).toEqual({
      gap: false,
      afterSeq: 10,
    });
    expect(timeline()).toMatchObject({ hasMoreBefore: true, loadedLatest: true, lastSeq: 10 });
    store().applyPage(C, { messages: range(1, 5), hasMore: false }, 'before');
    expect(seqs()).toEqual(range(1, 10).map((m) => m.seq));
    expect(timeline().hasMoreBefore).toBe(false);
  });

  it('opens at a message in the past and fills newer pages on demand, never across a hole', () => {
    // What was held (the latest page) is dropped: it does not join the window.
    store().applyPage(C, { messages: range(91, 100), hasMore: true }, 'latest');
    const check = store().applyPage(
      C,
      { messages: range(40, 49), hasMore: true, hasMoreAfter: true },
      'around',
    );
    expect(check.gap).toBe(false);
    expect(seqs()).toEqual(range(40, 49).map((m) => m.seq));
    expect(timeline()).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true, lastSeq: 49 });
    // A live message far beyond the window waits for its page instead of showing after a hole.
    expect(store().applyEvent(created(msg(101))).gap).toBe(false);
    expect(seqs().at(-1)).toBe(49);
    store().applyPage(C, { messages: range(50, 59), hasMore: true }, 'after');
    expect(timeline()).toMatchObject({ hasMoreAfter: true, lastSeq: 59 });
    store().applyPage(C, { messages: range(60, 101), hasMore: false }, 'after');
    expect(timeline()).toMatchObject({ hasMoreAfter: false, lastSeq: 101 });
    // Live again: the next message appends.
    store().applyEvent(created(msg(102)));
    expect(seqs().at(-1)).toBe(102);
    expect(seqs()).toEqual(range(40, 102).map((m) => m.seq));
  });

  it('leaves a window in the past for the latest page (Jump to latest)', () => {
    store().applyPage(C, { messages: range(40, 49), hasMore: true, hasMoreAfter: true }, 'around');
    store().applyPage(C, { messages: range(91, 100), hasMore: true }, 'latest');
    expect(seqs()).toEqual(range(91, 100).map((m) => m.seq));
    expect(timeline()).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false, lastSeq: 100 });
  });

  it('appends the next message from an event, ignoring a duplicate', () => {
    store().applyPage(C, { messages: range(1, 3), hasMore: false }, 'latest');
    expect(store().applyEvent(created(msg(4)))).toEqual({ gap: false, afterSeq: 4 });
    const before = timeline();
    store().applyEvent(created(msg(4)));
    expect(timeline()).toBe(before);
  });

  it('reports a gap when a seq is skipped, and closes it with an after page', () => {
    store().applyPage(C, { messages: range(1, 3), hasMore: false }, 'latest');
    expect(store().applyEvent(created(msg(6)))).toEqual({ gap: true, afterSeq: 3 });
    expect(seqs()).toEqual([1, 2, 3, 6]);
    expect(store().applyPage(C, { messages: range(4, 6), hasMore: false }, 'after')).toEqual({
      gap: false,
      afterSeq: 6,
    });
    expect(seqs()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps fetching after pages while the server has more', () => {
    store().applyPage(C, { messages: range(1, 3), hasMore: false }, 'latest');
    expect(store().applyPage(C, { messages: range(4, 5), hasMore: true }, 'after')).toEqual({
      gap: true,
      afterSeq: 5,
    });
  });

  it('buffers events that arrive before the first page, without a gap check', () => {
    store().open(C);
    expect(store().applyEvent(created(msg(11)))).toEqual({ gap: false, afterSeq: 0 });
    store().applyPage(C, { messages: range(6, 10), hasMore: true }, 'latest');
    expect(seqs()).toEqual([6, 7, 8, 9, 10, 11]);
    expect(timeline().lastSeq).toBe(11);
  });

  it('ignores events for conversations it does not hold', () => {
    expect(store().applyEvent(created(msg(1, { conversationId: 'other' })))).toEqual({
      gap: false,
      afterSeq: 0,
    });
    expect(store().conversations).toEqual({});
  });

  it('restarts the window when a fresh latest page does not join what it held', () => {
    store().applyPage(C, { messages: range(1, 3), hasMore: false }, 'latest');
    store().applyPage(C, { messages: range(50, 52), hasMore: true }, 'latest');
    expect(seqs()).toEqual([50, 51, 52]);
    expect(timeline()).toMatchObject({ hasMoreBefore: true, lastSeq: 52 });
  });

  it('applies edits, deletions and reactions to held messages', () => {
    store().applyPage(C, { messages: range(1, 2), hasMore: false }, 'latest');
    const edited = msg(1, { body: 'fixed', editedAt: '2024-03-04T11:00:00.000Z' });
    store().applyEvent({ type: 'message.updated', conversationId: C, seq: 1, message: edited });
    const gone = msg(2, { body: '', deletedAt: '2024-03-04T11:00:00.000Z' });
    store().applyEvent({ type: 'message.deleted', conversationId: C, seq: 2, message: gone });
    const reactions = [{ emoji: '🎉', userIds: [ME] }];
    store().applyEvent({
      type: 'reaction.changed',
      conversationId: C,
      seq: 1,
      messageId: 'm1',
      reactions,
    });
    expect(timeline().messages).toMatchObject([
      { body: 'fixed', reactions },
      { deletedAt: gone.deletedAt },
    ]);
  });

  it('ignores an edit of a message older than the loaded window', () => {
    store().applyPage(C, { messages: range(6, 10), hasMore: true }, 'latest');
    store().applyEvent({ type: 'message.updated', conversationId: C, seq: 2, message: msg(2) });
    expect(seqs()).toEqual([6, 7, 8, 9, 10]);
  });

  it('reports a gap for a reaction on a message past its tail', () => {
    store().applyPage(C, { messages: range(1, 2), hasMore: false }, 'latest');
    const event: RoomEvent = {
      type: 'reaction.changed',
      conversationId: C,
      seq: 4,
      messageId: 'm4',
      reactions: [],
    };
    expect(store().applyEvent(event)).toEqual({ gap: true, afterSeq: 2 });
  });

  it('shows pending messages, marks failures, and retries at the end', () => {
    const base = { conversationId: C, authorId: ME, body: 'hi', replyToId: null, attachments: [] };
    store().addPending({ ...base, clientId: 'a', createdAt: '2024-03-04T10:00:00.000Z' });
    store().addPending({ ...base, clientId: 'b', createdAt: '2024-03-04T10:00:01.000Z' });
    store().markFailed(C, 'a', 'Network error');
    expect(timeline().pending).toMatchObject([
      { clientId: 'a', status: 'failed', error: 'Network error' },
      { clientId: 'b', status: 'pending' },
    ]);
    store().addPending({ ...base, clientId: 'a', createdAt: '2024-03-04T10:00:02.000Z' });
    expect(timeline().pending.map((p) => [p.clientId, p.status])).toEqual([
      ['b', 'pending'],
      ['a', 'pending'],
    ]);
    store().removePending(C, 'b');
    expect(timeline().pending.map((p) => p.clientId)).toEqual(['a']);
  });

  it('confirms a pending message once, whether the answer or the event comes first', () => {
    store().applyPage(C, { messages: range(1, 1), hasMore: false }, 'latest');
    const base = { conversationId: C, authorId: ME, body: 'hi', replyToId: null, attachments: [] };
    store().addPending({ ...base, clientId: 'a', createdAt: '2024-03-04T10:00:00.000Z' });
    store().addPending({ ...base, clientId: 'b', createdAt: '2024-03-04T10:00:00.000Z' });
    const a = msg(2, { authorId: ME, clientId: 'a' });
    const b = msg(3, { authorId: ME, clientId: 'b' });
    expect(store().confirm('a', a)).toEqual({ gap: false, afterSeq: 2 });
    store().applyEvent(created(a));
    store().applyEvent(created(b));
    store().confirm('b', b);
    expect(seqs()).toEqual([1, 2, 3]);
    expect(timeline().pending).toEqual([]);
  });

  it('reset forgets a conversation; selectors fall back to a stable empty timeline', () => {
    store().applyPage(C, { messages: range(1, 1), hasMore: false }, 'latest');
    store().reset(C);
    expect(timeline()).toBe(EMPTY_TIMELINE);
  });
});
