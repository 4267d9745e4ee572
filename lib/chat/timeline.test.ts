import { describe, expect, it } from 'vitest';

import { messageWire } from '@/test/message-wire';

import {
  contiguousTail,
  detectGap,
  groupForDisplay,
  mergeMessages,
  type DisplayRow,
  type PendingMessage,
  type Timeline,
} from './timeline';
import type { MessageWire } from './wire';

const ME = 'u-me';

/** The tests' dates are in March 2024 (the separators' labels below). */
const msg = (seq: number, over: Partial<MessageWire> = {}): MessageWire =>
  messageWire(seq, { createdAt: `2024-03-04T10:00:${String(seq).padStart(2, '0')}.000Z`, ...over });

function pending(clientId: string, over: Partial<PendingMessage> = {}): PendingMessage {
  return {
    clientId,
    conversationId: 'c1',
    authorId: ME,
    body: 'hi',
    replyToId: null,
    attachments: [],
    createdAt: '2024-03-04T10:00:59.000Z',
    status: 'pending',
    error: null,
    ...over,
  };
}

const empty: Timeline = { messages: [], pending: [] };
const seqs = (t: Timeline) => t.messages.map((m) => m.seq);

describe('mergeMessages', () => {
  it('orders messages that arrive out of order by seq', () => {
    const t = mergeMessages(mergeMessages(empty, [msg(3), msg(1)]), [msg(2)]);
    expect(seqs(t)).toEqual([1, 2, 3]);
  });

  it('keeps one copy of a duplicate, and the same arrays when nothing changed', () => {
    const t = mergeMessages(empty, [msg(1), msg(2), msg(2)]);
    expect(seqs(t)).toEqual([1, 2]);
    const again = mergeMessages(t, [msg(2)]);
    expect(again.messages).toBe(t.messages);
    expect(again.pending).toBe(t.pending);
  });

  it('lets a later edit win over an older copy that arrives late', () => {
    const edited = msg(1, { body: 'fixed', editedAt: '2024-03-04T11:00:00.000Z' });
    const t = mergeMessages(mergeMessages(empty, [edited]), [msg(1)]);
    expect(t.messages[0]?.body).toBe('fixed');
  });

  it('never brings a deleted message back', () => {
    const deleted = msg(1, { body: '', deletedAt: '2024-03-04T11:00:00.000Z' });
    const t = mergeMessages(mergeMessages(empty, [deleted]), [
      msg(1, { editedAt: '2024-03-04T12:00:00.000Z' }),
    ]);
    expect(t.messages[0]?.deletedAt).not.toBeNull();
  });

  it('takes the copy that arrived last when only reactions differ', () => {
    const reacted = msg(1, { reactions: [{ emoji: '👍', userIds: ['u-ben'] }] });
    const t = mergeMessages(mergeMessages(empty, [msg(1)]), [reacted]);
    expect(t.messages[0]?.reactions).toHaveLength(1);
  });

  it('replaces a pending message with the confirmed one carrying its clientId', () => {
    const start: Timeline = { messages: [msg(1)], pending: [pending('a'), pending('b')] };
    const t = mergeMessages(start, [msg(2, { authorId: ME, clientId: 'a' })]);
    expect(seqs(t)).toEqual([1, 2]);
    expect(t.pending.map((p) => p.clientId)).toEqual(['b']);
  });

  it('does not confirm a pending message from someone else’s equal clientId', () => {
    const start: Timeline = { messages: [], pending: [pending('a')] };
    const t = mergeMessages(start, [msg(1, { authorId: 'u-ben', clientId: 'a' })]);
    expect(t.pending).toHaveLength(1);
  });
});

describe('detectGap and contiguousTail', () => {
  it('needs no fetch for the next seq or an old one', () => {
    expect(detectGap(5, 6)).toBe(false);
    expect(detectGap(5, 3)).toBe(false);
  });

  it('needs a fetch when a seq is skipped', () => {
    expect(detectGap(5, 7)).toBe(true);
  });

  it('stops the tail at the first hole', () => {
    expect(contiguousTail([msg(4), msg(5), msg(7)], 3)).toBe(5);
    expect(contiguousTail([msg(1), msg(2)], 5)).toBe(5);
  });
});

describe('groupForDisplay', () => {
  const opts = {
    meId: ME,
    lastReadSeq: 99,
    now: new Date('2024-03-04T18:00:00.000Z'),
    locale: 'en-GB',
    timeZone: 'UTC',
  };
  const shape = (rows: DisplayRow[]) =>
    rows.map((r) =>
      r.type === 'message' ? `${r.item.key}${r.startsGroup ? '*' : ''}` : `${r.type}`,
    );

  it('keeps the item of a message the timeline kept, so memoized rows render only what changed', () => {
    const kept = [msg(1), msg(2)];
    const mine = pending('c-1');
    const items = (t: Timeline) =>
      groupForDisplay(t, opts).flatMap((r) => (r.type === 'message' ? [r.item] : []));
    const before = items({ messages: kept, pending: [mine] });
    const edited = { ...kept[1]!, body: 'edited' };
    const after = items({ messages: [kept[0]!, edited, msg(3)], pending: [mine] });
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.message).toBe(edited);
    expect(after[3]).toBe(before[2]);
    // The same pending object failing is a new item (its status shows).
    const failed = items({ messages: kept, pending: [Object.assign(mine, { status: 'failed' })] });
    expect(failed[2]).not.toBe(before[2]);
    expect(failed[2]!.status).toBe('failed');
  });

  it('labels days Today, Yesterday, then weekday and date (with the year when not this one)', () => {
    const t: Timeline = {
      messages: [
        msg(1, { createdAt: '2023-12-30T09:00:00.000Z' }),
        msg(2, { createdAt: '2024-02-28T09:00:00.000Z' }),
        msg(3, { createdAt: '2024-03-03T23:59:00.000Z' }),
        msg(4, { createdAt: '2024-03-04T00:01:00.000Z' }),
      ],
      pending: [],
    };
    const labels = groupForDisplay(t, opts).flatMap((r) => (r.type === 'date' ? [r.label] : []));
    expect(labels).toEqual([
      'Saturday, 30 December 2023',
      'Wednesday 28 February',
      'Yesterday',
      'Today',
    ]);
  });

  it('uses the reader’s time zone for the day boundary', () => {
    const t: Timeline = {
      messages: [msg(1, { createdAt: '2024-03-04T02:00:00.000Z' })],
      pending: [],
    };
    const rows = groupForDisplay(t, { ...opts, timeZone: 'America/New_York' });
    expect(rows[0]).toMatchObject({ type: 'date', label: 'Yesterday' });
  });

  it('groups one author within five minutes of their last message; another author, a longer pause or a system message break it', () => {
    const t: Timeline = {
      messages: [
        msg(1, { createdAt: '2024-03-04T10:00:01.000Z' }),
        msg(2, { createdAt: '2024-03-04T10:04:40.000Z' }),
        msg(3, { createdAt: '2024-03-04T10:09:41.000Z' }),
        msg(4, { createdAt: '2024-03-04T10:01:06.000Z', authorId: 'u-ben' }),
        msg(5, { createdAt: '2024-03-04T10:01:07.000Z', authorId: null, kind: 'system' }),
        msg(6, { createdAt: '2024-03-04T10:01:08.000Z', authorId: 'u-ben' }),
      ],
      pending: [],
    };
    expect(shape(groupForDisplay(t, opts))).toEqual([
      'date',
      'm:m1*',
      'm:m2',
      'm:m3*',
      'm:m4*',
      'm:m5*',
      'm:m6*',
    ]);
  });

  it('shows pending and failed messages after all confirmed ones, in send order', () => {
    const t: Timeline = {
      messages: [msg(1, { authorId: ME, createdAt: '2024-03-04T10:00:10.000Z' })],
      // A device clock behind the server's must not put a pending message under an older date.
      pending: [
        pending('a', { createdAt: '2024-03-03T10:00:00.000Z' }),
        pending('b', { status: 'failed' }),
      ],
    };
    const rows = groupForDisplay(t, opts);
    expect(shape(rows)).toEqual(['date', 'm:m1*', `c:${ME}:a`, `c:${ME}:b`]);
    expect(rows.at(-1)).toMatchObject({ item: { status: 'failed' } });
  });

  it('puts the unread divider before the first newer message not written by me', () => {
    const t: Timeline = {
      messages: [msg(1), msg(2, { authorId: ME }), msg(3), msg(4)],
      pending: [],
    };
    const rows = groupForDisplay(t, { ...opts, lastReadSeq: 1 });
    expect(shape(rows)).toEqual(['date', 'm:m1*', 'm:m2*', 'unread', 'm:m3*', 'm:m4']);
  });

  it('puts the divider after the date separator when the first new message starts a day', () => {
    const t: Timeline = {
      messages: [msg(1, { createdAt: '2024-03-03T10:00:00.000Z' }), msg(2)],
      pending: [],
    };
    const rows = groupForDisplay(t, { ...opts, lastReadSeq: 1 });
    expect(shape(rows)).toEqual(['date', 'm:m1*', 'date', 'unread', 'm:m2*']);
  });

  it('counts only what had arrived when the conversation opened, and not my own system entries', () => {
    const t: Timeline = {
      messages: [
        msg(1),
        msg(2, {
          kind: 'system',
          authorId: null,
          system: { type: 'call', actorId: ME, media: 'voice', durationMs: 0 } as never,
        }),
        msg(3),
        msg(4),
      ],
      pending: [],
    };
    // Opened at seq 2 (read to 1): my call entry is not new, and 3 and 4 arrived while watching.
    expect(shape(groupForDisplay(t, { ...opts, lastReadSeq: 1, unreadUpToSeq: 2 }))).not.toContain(
      'unread',
    );
    // Opened at seq 3: message 3 was there and is new.
    const rows = shape(groupForDisplay(t, { ...opts, lastReadSeq: 1, unreadUpToSeq: 3 }));
    expect(rows.indexOf('unread')).toBe(rows.indexOf('m:m3*') - 1);
  });

  it('shows no divider when everything is read or the rest is mine', () => {
    const t: Timeline = { messages: [msg(1), msg(2, { authorId: ME })], pending: [] };
    expect(shape(groupForDisplay(t, { ...opts, lastReadSeq: 2 }))).not.toContain('unread');
    expect(shape(groupForDisplay(t, { ...opts, lastReadSeq: 1 }))).not.toContain('unread');
  });
});
