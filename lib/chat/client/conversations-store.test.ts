import { beforeEach, describe, expect, it } from 'vitest';

import type { ConversationWire, MessageWire } from '@/lib/chat/wire';
import { messageWire } from '@/test/message-wire';

import { unreadAfterRead, useConversationsStore } from './conversations-store';

const C = 'c1'; // messageWire's conversation and author
const ME = 'u-me';
const ANA = 'u-ana';

const msg = messageWire;
const inThread = (seq: number, over: Partial<MessageWire> = {}) =>
  msg(seq, { threadRootId: 'm1', ...over });

function conversation(over: Partial<ConversationWire> = {}): ConversationWire {
  return {
    id: C,
    kind: 'group',
    name: 'Team',
    members: [
      { id: ME, name: 'Me', image: null, role: 'member', lastReadSeq: 1, statusText: null },
      { id: ANA, name: 'Ana', image: null, role: 'owner', lastReadSeq: 1, statusText: null },
    ],
    lastMessage: msg(1),
    lastSeq: 1,
    lastReadSeq: 1,
    unreadCount: 0,
    muted: false,
    lastActivityAt: msg(1).createdAt,
    createdAt: msg(1).createdAt,
    ...over,
  };
}

const state = () => useConversationsStore.getState();
const current = () => state().byId[C]!;
const arrive = (m: MessageWire) => state().messageArrived(m, ME);
const read = (lastReadSeq: number, userId = ME) =>
  state().readMoved({ conversationId: C, userId, lastReadSeq, meId: ME });

beforeEach(() => {
  useConversationsStore.setState({ byId: {}, loaded: false, openId: null, threadOnlySeqs: {} });
  state().setAll([conversation()]);
});

describe('conversations store: unread counts and thread replies', () => {
  it('counts others’ messages in the main timeline, not replies kept in their thread', () => {
    arrive(msg(2));
    arrive(inThread(3));
    arrive(inThread(4, { authorId: ME }));
    arrive(inThread(5, { alsoInConversation: true }));
    // Four seqs after the read position (a naive lastSeq − lastReadSeq), two of them unread.
    expect(current()).toMatchObject({ lastSeq: 5, lastReadSeq: 1, unreadCount: 2 });
    // The preview is the newest message of the timeline; the activity time moves as on the
    // server, the sidebar's order with it.
    expect(current().lastMessage?.id).toBe('m5');
    arrive(inThread(6));
    expect(current()).toMatchObject({ lastSeq: 6, unreadCount: 2, lastMessage: { id: 'm5' } });
    expect(current().lastActivityAt).toBe(msg(6).createdAt);
  });

  it('my own reply kept in its thread leaves my place in the timeline (and the divider) alone', () => {
    arrive(msg(2));
    arrive(inThread(3, { authorId: ME }));
    expect(current()).toMatchObject({ lastReadSeq: 1, unreadCount: 1 });
    // Sent to the conversation too: read up to it, as any message of mine.
    arrive(inThread(4, { authorId: ME, alsoInConversation: true }));
    expect(current()).toMatchObject({ lastReadSeq: 4, unreadCount: 0 });
  });

  it('a read position moving over thread replies takes only timeline messages off the count', () => {
    arrive(inThread(2));
    arrive(msg(3));
    arrive(inThread(4));
    arrive(msg(5));
    arrive(inThread(6));
    expect(current().unreadCount).toBe(2);
    // Another tab of mine read up to 4: message 3 is read, the replies never counted.
    read(4);
    expect(current()).toMatchObject({ lastReadSeq: 4, unreadCount: 1 });
    expect(state().threadOnlySeqs[C]).toEqual([6]);
    // Someone else reading changes their receipt, not my count.
    read(6, ANA);
    expect(current().unreadCount).toBe(1);
    expect(current().members.find((m) => m.id === ANA)?.lastReadSeq).toBe(6);
    read(6);
    expect(current()).toMatchObject({ lastReadSeq: 6, unreadCount: 0 });
    // Backwards never: an older position changes nothing.
    read(2);
    expect(current()).toMatchObject({ lastReadSeq: 6, unreadCount: 0 });
  });

  it('a read stopping short over replies from before the load counts too few, never below zero', () => {
    // Loaded with two unread (seqs 2 to 4, one a thread reply this tab never saw).
    state().setAll([conversation({ lastSeq: 4, lastReadSeq: 1, unreadCount: 2 })]);
    read(3);
    expect(current().unreadCount).toBe(0);
    // A message that arrives later counts as usual; reading to the end leaves nothing.
    arrive(msg(5));
    expect(current().unreadCount).toBe(1);
    read(5);
    expect(current().unreadCount).toBe(0);
  });

  it('unreadAfterRead: all read at the end, unchanged when not moving', () => {
    const c = conversation({ lastSeq: 9, lastReadSeq: 3, unreadCount: 4 });
    expect(unreadAfterRead(c, 9, [])).toBe(0);
    expect(unreadAfterRead(c, 3, [])).toBe(4);
    expect(unreadAfterRead(c, 6, [4, 5])).toBe(3);
    expect(unreadAfterRead(c, 8, [])).toBe(0);
  });
});
