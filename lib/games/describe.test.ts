import { describe, expect, it } from 'vitest';

import { ASSISTANT_ID } from '@/lib/assistant/identity';

import { describeChallenge, describeGameEnd } from './describe';

const names: Record<string, string> = { a: 'Ana', b: 'Ben' };
const nameOf = (id: string) => names[id] ?? 'Former member';
const end = {
  actorId: 'b',
  kind: 'connect4' as const,
  opponentId: 'a',
  draw: false,
  reason: 'line',
  moves: 23,
};

describe('game system messages', () => {
  it('names the challenge', () => {
    expect(describeChallenge({ actorId: 'a', kind: 'connect4', invitedId: 'b' }, nameOf)).toBe(
      'Ana challenged Ben to Connect Four',
    );
    expect(describeChallenge({ actorId: 'a', kind: 'chess', invitedId: null }, nameOf)).toBe(
      'Ana challenged anyone to Chess',
    );
    expect(
      describeChallenge({ actorId: 'a', kind: 'chess', invitedId: ASSISTANT_ID }, nameOf),
    ).toBe('Ana challenged Parley AI to Chess');
  });
  it('names the end: win, draw, and how', () => {
    expect(describeGameEnd(end, nameOf)).toBe('Ben won Connect Four against Ana in 23 moves');
    expect(describeGameEnd({ ...end, reason: 'resign', moves: 1 }, nameOf)).toBe(
      'Ben won Connect Four against Ana in 1 move by resignation',
    );
    expect(
      describeGameEnd({ ...end, kind: 'chess', draw: true, reason: 'agreed', moves: 40 }, nameOf),
    ).toBe('Ben and Ana drew at Chess after 40 moves by agreement');
  });
});
