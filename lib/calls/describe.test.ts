import { describe, expect, it } from 'vitest';

import { describeCall, formatCallDuration } from './describe';

describe('call system messages', () => {
  it('formats durations as a clock', () => {
    expect(formatCallDuration(0)).toBe('0:00');
    expect(formatCallDuration(42_400)).toBe('0:42');
    expect(formatCallDuration(725_000)).toBe('12:05');
    expect(formatCallDuration(3_723_000)).toBe('1:02:03');
  });

  it('says who called, what happened and for how long', () => {
    expect(describeCall({ kind: 'video', outcome: 'completed', durationMs: 185_000 }, 'Ana')).toBe(
      'Ana started a video call · 3:05',
    );
    expect(describeCall({ kind: 'audio', outcome: 'missed', durationMs: 0 }, 'Ana')).toBe(
      'Missed voice call from Ana',
    );
    expect(describeCall({ kind: 'video', outcome: 'declined', durationMs: 0 }, 'Ana')).toBe(
      'Ana’s video call was declined',
    );
  });
});

describe('describeCall from the caller’s own point of view', () => {
  it('says "Your" rather than "from You"', () => {
    const base = { kind: 'video' as const, durationMs: 0 };
    expect(describeCall({ ...base, outcome: 'missed' }, 'You')).toBe(
      'Your video call was not answered',
    );
    expect(describeCall({ ...base, outcome: 'declined' }, 'You')).toBe(
      'Your video call was declined',
    );
  });
});
