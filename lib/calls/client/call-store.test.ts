import { beforeEach, describe, expect, it } from 'vitest';

import type { RoomEvent } from '@/lib/realtime/protocol';

import { useCallStore } from './call-store';

const ME = 'u-me';
const ANA = 'u-ana';
const C = 'c1';

const ringing = (callerId = ANA): RoomEvent => ({
  type: 'call.ringing',
  conversationId: C,
  callId: 'k1',
  kind: 'video',
  callerId,
  ringUntil: '2030-01-01T00:00:30.000Z',
});

const apply = (event: RoomEvent) => {
  if (event.type === 'call.ringing' || event.type === 'call.updated' || event.type === 'call.ended')
    useCallStore.getState().applyEvent(event, ME);
};

function beginAsCaller() {
  useCallStore.getState().begin({
    callId: 'k1',
    conversationId: C,
    kind: 'video',
    startedBy: ME,
    isCaller: true,
    ringing: true,
    ringUntil: Date.parse('2030-01-01T00:00:30.000Z'),
    joinedAt: null,
  });
}

beforeEach(() => {
  useCallStore.setState({ incoming: {}, live: {}, current: null, peers: {} });
});

describe('call store', () => {
  it('rings for everyone but the caller, and knows the live call', () => {
    apply(ringing());
    const s = useCallStore.getState();
    expect(s.incoming.k1).toMatchObject({ callerId: ANA, kind: 'video', conversationId: C });
    expect(s.incoming.k1?.ringUntil).toBe(Date.parse('2030-01-01T00:00:30.000Z'));
    expect(s.live[C]).toMatchObject({ callId: 'k1', state: 'ringing', startedBy: ANA });

    useCallStore.setState({ incoming: {} });
    apply(ringing(ME));
    expect(useCallStore.getState().incoming).toEqual({});
  });

  it('stops ringing once this person answered or declined in another tab', () => {
    apply(ringing());
    apply({
      type: 'call.updated',
      conversationId: C,
      callId: 'k1',
      state: 'active',
      participants: [ANA, 'u-ben'],
      declinedBy: [],
    });
    expect(useCallStore.getState().incoming.k1).toBeDefined();
    expect(useCallStore.getState().live[C]?.state).toBe('active');
    apply({
      type: 'call.updated',
      conversationId: C,
      callId: 'k1',
      state: 'active',
      participants: [ANA, 'u-ben'],
      declinedBy: [ME],
    });
    expect(useCallStore.getState().incoming.k1).toBeUndefined();
  });

  it('an answer stops the caller ringing and starts the clock', () => {
    beginAsCaller();
    apply({
      type: 'call.updated',
      conversationId: C,
      callId: 'k1',
      state: 'active',
      participants: [ME, ANA],
      declinedBy: [],
    });
    const current = useCallStore.getState().current;
    expect(current?.ringing).toBe(false);
    expect(current?.joinedAt).toEqual(expect.any(Number));
  });

  it.each([
    ['missed', 'No answer'],
    ['declined', 'Declined'],
    ['completed', 'Call ended'],
  ] as const)(
    'call.ended (%s) tells the caller "%s" and forgets the live call',
    (outcome, text) => {
      beginAsCaller();
      apply(ringing(ME));
      apply({ type: 'call.ended', conversationId: C, callId: 'k1', outcome, durationMs: 0 });
      const s = useCallStore.getState();
      expect(s.current?.ended).toEqual({ reason: outcome, message: text });
      expect(s.live[C]).toBeUndefined();
      // Ending is once: a later reason does not replace the first.
      s.end('k1', 'error');
      expect(useCallStore.getState().current?.ended?.reason).toBe(outcome);
      useCallStore.getState().clear();
      expect(useCallStore.getState().current).toBeNull();
    },
  );

  it('a full room says calls hold up to 4 people', () => {
    beginAsCaller();
    useCallStore.getState().end('k1', 'full');
    expect(useCallStore.getState().current?.ended?.message).toMatch(/Calls hold up to 4 people/);
  });

  it('an ended call of another conversation or id leaves this one alone', () => {
    beginAsCaller();
    apply({
      type: 'call.ended',
      conversationId: C,
      callId: 'other',
      outcome: 'missed',
      durationMs: 0,
    });
    expect(useCallStore.getState().current?.ended).toBeNull();
  });
});
