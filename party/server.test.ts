import { describe, expect, it } from 'vitest';

import { roomSubpath } from './server';

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
