import { describe, expect, it } from 'vitest';

import { aggregateStatus, contactUnion, roomSubpath } from './presence';

describe('aggregateStatus', () => {
  it('is offline with no tab', () => {
    expect(aggregateStatus([])).toBe('offline');
  });

  it('is online when any tab is active', () => {
    expect(aggregateStatus([{ state: 'away' }, { state: 'active' }])).toBe('online');
  });

  it('is away when every tab is away', () => {
    expect(aggregateStatus([{ state: 'away' }, { state: 'away' }])).toBe('away');
  });
});

describe('contactUnion', () => {
  it('lists every contact once, in first-seen order', () => {
    expect(contactUnion([{ contacts: ['u_b', 'u_c'] }, { contacts: ['u_c', 'u_d'] }])).toEqual([
      'u_b',
      'u_c',
      'u_d',
    ]);
  });
});

describe('roomSubpath', () => {
  it('is empty for the room itself, with or without a trailing slash', () => {
    expect(roomSubpath('http://h/parties/main/u_a', 'main', 'u_a')).toBe('');
    expect(roomSubpath('http://h/parties/main/u_a/', 'main', 'u_a')).toBe('');
  });

  it('is the rest of the path below the room', () => {
    expect(roomSubpath('http://h/parties/main/u_a/presence?x=1', 'main', 'u_a')).toBe('/presence');
  });

  it('does not take a longer room id for this room', () => {
    expect(roomSubpath('http://h/parties/main/u_ab', 'main', 'u_a')).not.toBe('');
  });
});
