import { describe, expect, it } from 'vitest';

import { rowsSeeChange } from './steady-conversation';
import type { ConversationWire } from './wire';

const base: ConversationWire = {
  id: 'c_1',
  kind: 'group',
  name: 'Team',
  members: [],
  lastMessage: null,
  lastSeq: 4,
  lastReadSeq: 4,
  unreadCount: 0,
  muted: false,
  lastActivityAt: '2026-12-06T10:00:00.000Z',
  createdAt: '2026-12-01T10:00:00.000Z',
};

describe('what message rows see of their conversation', () => {
  it('does not change when a message arrives (last message, seqs, unread, activity)', () => {
    const next = {
      ...base,
      lastSeq: 5,
      lastReadSeq: 5,
      unreadCount: 1,
      lastActivityAt: '2026-12-06T10:01:00.000Z',
    };
    expect(rowsSeeChange(base, next)).toBe(false);
  });

  it('changes with the name, the members, muting, or a field added later', () => {
    expect(rowsSeeChange(base, { ...base, name: 'Team 2' })).toBe(true);
    expect(rowsSeeChange(base, { ...base, members: [] })).toBe(true);
    expect(rowsSeeChange(base, { ...base, muted: true })).toBe(true);
    expect(rowsSeeChange(base, { ...base, pinned: true } as ConversationWire)).toBe(true);
  });
});
