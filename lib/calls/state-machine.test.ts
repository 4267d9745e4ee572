import { describe, expect, it } from 'vitest';

import {
  callDurationMs,
  glareWinner,
  isLive,
  resolveGlare,
  ringDeadline,
  transition,
  type CallAction,
  type CallContext,
  type CallSnapshot,
} from './state-machine';

const T0 = 1_700_000_000_000;
const RING = 30_000;
const direct: CallContext = { direct: true, members: ['ana', 'ben'], ringTimeoutMs: RING };
const group: CallContext = {
  direct: false,
  members: ['ana', 'ben', 'cy', 'dee'],
  ringTimeoutMs: RING,
};

const ringing = (patch: Partial<CallSnapshot> = {}): CallSnapshot => ({
  state: 'ringing',
  outcome: null,
  startedBy: 'ana',
  participants: ['ana'],
  declinedBy: [],
  startedAt: T0,
  answeredAt: null,
  endedAt: null,
  ...patch,
});
const active = (participants = ['ana', 'ben']) =>
  ringing({ state: 'active', answeredAt: T0 + 1000, participants });

/** Applies actions in order, asserting each succeeds, and returns the last call. */
function run(call: CallSnapshot, ctx: CallContext, ...actions: CallAction[]): CallSnapshot {
  return actions.reduce((current, action) => {
    const result = transition(current, action, ctx);
    if (!result.ok) throw new Error(`${action.type} failed: ${result.error}`);
    return result.call;
  }, call);
}

const accept = (userId: string, at = T0 + 1000): CallAction => ({ type: 'accept', userId, at });
const decline = (userId: string, at = T0 + 1000): CallAction => ({ type: 'decline', userId, at });
const hangup = (userId: string, othersPresent: number | null, at = T0 + 60_000): CallAction => ({
  type: 'hangup',
  userId,
  at,
  othersPresent,
});

describe('ringing → active → ended', () => {
  it('goes active when the callee accepts, with the answer time and the callee joined', () => {
    const result = transition(ringing(), accept('ben', T0 + 4000), direct);
    expect(result).toEqual({
      ok: true,
      changed: true,
      call: ringing({ state: 'active', answeredAt: T0 + 4000, participants: ['ana', 'ben'] }),
    });
  });

  it('ends a 1:1 call as completed when either side hangs up, even with the other connected', () => {
    for (const who of ['ana', 'ben']) {
      const call = run(active(), direct, hangup(who, 1, T0 + 61_000));
      expect(call).toMatchObject({ state: 'ended', outcome: 'completed', endedAt: T0 + 61_000 });
      expect(callDurationMs(call)).toBe(60_000);
    }
  });

  it('keeps a group call going while others are still in it, and ends it with the last', () => {
    const call = active(['ana', 'ben', 'cy']);
    expect(transition(call, hangup('ana', 2), group)).toEqual({ ok: true, call, changed: false });
    expect(transition(call, hangup('ben', 1), group)).toMatchObject({ changed: false });
    expect(run(call, group, hangup('cy', 0))).toMatchObject({
      state: 'ended',
      outcome: 'completed',
    });
  });

  it('ends a group call when the room cannot say who is left', () => {
    expect(run(active(), group, hangup('ben', null))).toMatchObject({ outcome: 'completed' });
  });

  it('ignores a hang-up from a member who never joined an active group call', () => {
    expect(transition(active(), hangup('dee', 0), group)).toMatchObject({ changed: false });
  });

  it('lets more people join an active group call, once each, keeping the answer time', () => {
    const call = run(active(), group, accept('cy', T0 + 9000), accept('cy', T0 + 9500));
    expect(call.participants).toEqual(['ana', 'ben', 'cy']);
    expect(call.answeredAt).toBe(T0 + 1000);
    expect(transition(call, accept('cy'), group)).toMatchObject({ changed: false });
  });

  it('ends an abandoned active call as completed; abandon means nothing while ringing', () => {
    expect(run(active(), group, { type: 'abandon', at: T0 + 5000 })).toMatchObject({
      outcome: 'completed',
      endedAt: T0 + 5000,
    });
    expect(transition(ringing(), { type: 'abandon', at: T0 }, group)).toMatchObject({
      changed: false,
    });
  });
});

describe('missed', () => {
  it('is missed when the ring timeout passes unanswered', () => {
    const at = ringDeadline(ringing(), RING);
    expect(at).toBe(T0 + RING);
    expect(run(ringing(), direct, { type: 'timeout', at })).toMatchObject({
      state: 'ended',
      outcome: 'missed',
      endedAt: at,
    });
  });

  it('refuses a timeout before the deadline', () => {
    expect(transition(ringing(), { type: 'timeout', at: T0 + RING - 1 }, direct)).toEqual({
      ok: false,
      error: 'too_early',
    });
  });

  it('ignores a timeout once the call was answered', () => {
    expect(transition(active(), { type: 'timeout', at: T0 + RING * 2 }, direct)).toMatchObject({
      changed: false,
    });
  });

  it('is missed when the caller hangs up (or declines) while it rings', () => {
    expect(run(ringing(), group, hangup('ana', 0, T0 + 5000))).toMatchObject({
      outcome: 'missed',
      endedAt: T0 + 5000,
    });
    expect(run(ringing(), direct, decline('ana'))).toMatchObject({ outcome: 'missed' });
  });

  it('lasts 0 ms: a call never answered has no duration', () => {
    expect(callDurationMs(run(ringing(), direct, hangup('ana', 0)))).toBe(0);
    expect(callDurationMs(active())).toBe(0);
  });
});

describe('declined', () => {
  it('ends a 1:1 call as declined when the callee declines or hangs up while it rings', () => {
    for (const action of [decline('ben'), hangup('ben', 1)]) {
      expect(run(ringing(), direct, action)).toMatchObject({
        state: 'ended',
        outcome: 'declined',
        declinedBy: ['ben'],
      });
    }
  });

  it('keeps a group call ringing until every invitee declined', () => {
    const afterTwo = run(ringing(), group, decline('ben'), decline('cy'), decline('ben'));
    expect(afterTwo).toMatchObject({ state: 'ringing', declinedBy: ['ben', 'cy'] });
    expect(run(afterTwo, group, decline('dee'))).toMatchObject({
      state: 'ended',
      outcome: 'declined',
    });
  });

  it('lets someone who declined a group call join it later', () => {
    const call = run(ringing(), group, decline('ben'), accept('ben'));
    expect(call).toMatchObject({ state: 'active', participants: ['ana', 'ben'] });
  });

  it('ignores a decline once the call is active', () => {
    expect(transition(active(), decline('cy'), group)).toMatchObject({ changed: false });
  });
});

describe('refusals and finality', () => {
  it('refuses actions from people outside the conversation', () => {
    for (const action of [accept('eve'), decline('eve'), hangup('eve', 0)])
      expect(transition(ringing(), action, direct)).toEqual({ ok: false, error: 'not_member' });
  });

  it("refuses the caller accepting their own ringing call, and ignores it once it's active", () => {
    expect(transition(ringing(), accept('ana'), direct)).toEqual({ ok: false, error: 'own_call' });
    expect(transition(active(), accept('ana'), direct)).toMatchObject({ changed: false });
  });

  it('leaves an ended call as it is, whatever comes next', () => {
    const ended = run(ringing(), direct, decline('ben'));
    const actions: CallAction[] = [
      accept('ben'),
      decline('ben'),
      hangup('ana', 0),
      { type: 'timeout', at: T0 + RING },
      { type: 'abandon', at: T0 + RING },
      accept('eve'),
    ];
    for (const action of actions)
      expect(transition(ended, action, direct)).toEqual({ ok: true, call: ended, changed: false });
  });

  it('never mutates the call it was given', () => {
    const call = Object.freeze(ringing({ participants: Object.freeze(['ana']) }));
    expect(() => run(call, group, decline('ben'), accept('cy'), hangup('cy', 0))).not.toThrow();
    expect(call.participants).toEqual(['ana']);
  });

  it('says which states are live', () => {
    expect([isLive('ringing'), isLive('active'), isLive('ended')]).toEqual([true, true, false]);
  });
});

describe('glare', () => {
  const a = { id: 'call_b', startedAt: T0 };
  const b = { id: 'call_a', startedAt: T0 + 1 };

  it('keeps the earlier call, whichever side asks', () => {
    expect(glareWinner(a, b)).toBe(a);
    expect(glareWinner(b, a)).toBe(a);
    expect(resolveGlare(a, b)).toBe('keep');
    expect(resolveGlare(b, a)).toBe('join');
  });

  it('breaks a tie in start time by the lower id, so both sides agree', () => {
    const x = { id: 'call_x', startedAt: T0 };
    const y = { id: 'call_y', startedAt: T0 };
    expect(glareWinner(x, y)).toBe(x);
    expect(glareWinner(y, x)).toBe(x);
    expect([resolveGlare(x, y), resolveGlare(y, x)]).toEqual(['keep', 'join']);
  });

  it('ends with one call holding both people when the loser joins the winner', () => {
    // Ana and Ben both pressed "call"; Ben's call lost, so Ben accepts Ana's.
    const anas = ringing({ startedBy: 'ana', participants: ['ana'] });
    const joined = run(anas, direct, accept('ben', T0 + 10));
    expect(joined).toMatchObject({ state: 'active', participants: ['ana', 'ben'] });
  });
});
