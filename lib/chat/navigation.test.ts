import { describe, expect, it } from 'vitest';

import { adjacentConversation, matchConversations } from './navigation';

const list = [
  { id: 'a', unreadCount: 0 },
  { id: 'b', unreadCount: 2 },
  { id: 'c', unreadCount: 0 },
  { id: 'd', unreadCount: 1 },
];

describe('adjacentConversation', () => {
  it('moves one up or down and stops at the ends', () => {
    expect(adjacentConversation(list, 'b', 'down')).toBe('c');
    expect(adjacentConversation(list, 'b', 'up')).toBe('a');
    expect(adjacentConversation(list, 'a', 'up')).toBeNull();
    expect(adjacentConversation(list, 'd', 'down')).toBeNull();
  });

  it('starts at the top (down) or bottom (up) when nothing is open', () => {
    expect(adjacentConversation(list, null, 'down')).toBe('a');
    expect(adjacentConversation(list, null, 'up')).toBe('d');
    expect(adjacentConversation([], null, 'down')).toBeNull();
  });

  it('skips read conversations when asked for the next unread', () => {
    expect(adjacentConversation(list, 'a', 'down', { unreadOnly: true })).toBe('b');
    expect(adjacentConversation(list, 'b', 'down', { unreadOnly: true })).toBe('d');
    expect(adjacentConversation(list, 'd', 'up', { unreadOnly: true })).toBe('b');
    expect(adjacentConversation(list, 'd', 'down', { unreadOnly: true })).toBeNull();
  });
});

describe('matchConversations', () => {
  const convs = [
    { name: 'Design review', members: [{ name: 'Ana' }] },
    { name: 'Ben Okafor', members: [{ name: 'Ben Okafor' }] },
    { name: 'Weekend plans', members: [{ name: 'Cleo' }, { name: 'Ana Lima' }] },
    { name: 'Old design notes', members: [] },
  ];

  it('ranks a name that starts with the query first, then word starts, then contains, then members', () => {
    expect(matchConversations(convs, 'des').map((c) => c.name)).toEqual([
      'Design review',
      'Old design notes',
    ]);
    expect(matchConversations(convs, 'oka').map((c) => c.name)).toEqual(['Ben Okafor']);
    expect(matchConversations(convs, 'lima').map((c) => c.name)).toEqual(['Weekend plans']);
  });

  it('lists the first ones for an empty query, and none for no match', () => {
    expect(matchConversations(convs, '  ', 2)).toHaveLength(2);
    expect(matchConversations(convs, 'zzz')).toEqual([]);
  });
});
