import type { CallOutcome, CallState } from '@/lib/db/types';

/**
 * The call state machine, pure: no store, no clock, no I/O. The server (lib/calls/server/service.ts)
 * runs every REST action through it and writes what changed; the browser can run the same
 * transitions on the events it hears to stay in step.
 *
 *   ringing ──accept──▶ active ──last one hangs up──▶ ended (completed)
 *      │ caller hangs up, or the ring timeout passes ──▶ ended (missed)
 *      └ the callee declines (1:1), or every invitee declines (group) ──▶ ended (declined)
 *
 * Times are epoch milliseconds. Ending is final: an ended call accepts every action and stays
 * as it is, so retries and races are harmless.
 */

export type CallSnapshot = {
  state: CallState;
  outcome: CallOutcome | null;
  startedBy: string;
  /** Everyone who joined, the caller first; never shrinks. */
  participants: readonly string[];
  declinedBy: readonly string[];
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
};

export type CallContext = {
  /** A direct (1:1) conversation: one side hanging up ends the call. */
  direct: boolean;
  /** Everyone in the conversation, caller included. */
  members: readonly string[];
  ringTimeoutMs: number;
};

export type CallAction =
  | { type: 'accept'; userId: string; at: number }
  | { type: 'decline'; userId: string; at: number }
  /**
   * `othersPresent`: how many other people are still connected to the call room, or null when
   * the room could not be asked (then a group call ends too, rather than linger forever).
   */
  | { type: 'hangup'; userId: string; at: number; othersPresent: number | null }
  /** The ring timeout passed (refused while it has not: `too_early`). */
  | { type: 'timeout'; at: number }
  /** Nobody is connected to an active call any more (found by the server, not a person). */
  | { type: 'abandon'; at: number };

export type TransitionError = 'not_member' | 'own_call' | 'too_early';

export type Transition =
  { ok: true; call: CallSnapshot; changed: boolean } | { ok: false; error: TransitionError };

const same = (call: CallSnapshot): Transition => ({ ok: true, call, changed: false });
const next = (call: CallSnapshot): Transition => ({ ok: true, call, changed: true });
const end = (call: CallSnapshot, outcome: CallOutcome, at: number): Transition =>
  next({ ...call, state: 'ended', outcome, endedAt: at });

/** When a ringing call counts as missed. */
export const ringDeadline = (call: Pick<CallSnapshot, 'startedAt'>, ringTimeoutMs: number) =>
  call.startedAt + ringTimeoutMs;

/** How long a completed call lasted from the answer; 0 for any other (or one still going). */
export function callDurationMs(
  call: Pick<CallSnapshot, 'outcome' | 'answeredAt' | 'endedAt'>,
): number {
  if (call.outcome !== 'completed' || call.answeredAt === null || call.endedAt === null) return 0;
  return Math.max(0, call.endedAt - call.answeredAt);
}

export const isLive = (state: CallState) => state !== 'ended';

function decline(call: CallSnapshot, userId: string, at: number, ctx: CallContext): Transition {
  if (call.state !== 'ringing' || call.declinedBy.includes(userId)) return same(call);
  // The caller declining their own call gives up on it: missed, as when they hang up.
  if (userId === call.startedBy) return end(call, 'missed', at);
  const declinedBy = [...call.declinedBy, userId];
  const invitees = ctx.members.filter((m) => m !== call.startedBy);
  if (ctx.direct || invitees.every((m) => declinedBy.includes(m)))
    return end({ ...call, declinedBy }, 'declined', at);
  return next({ ...call, declinedBy });
}

function hangup(
  call: CallSnapshot,
  action: Extract<CallAction, { type: 'hangup' }>,
  ctx: CallContext,
): Transition {
  const { userId, at } = action;
  if (call.state === 'ringing') {
    // The caller giving up is a missed call; anyone else hanging up a ringing call declines it.
    return userId === call.startedBy ? end(call, 'missed', at) : decline(call, userId, at, ctx);
  }
  // Active: someone who never joined has nothing to leave.
  if (!call.participants.includes(userId)) return same(call);
  if (ctx.direct || action.othersPresent === null || action.othersPresent === 0)
    return end(call, 'completed', at);
  return same(call);
}

export function transition(call: CallSnapshot, action: CallAction, ctx: CallContext): Transition {
  if (call.state === 'ended') return same(call);
  if ('userId' in action && !ctx.members.includes(action.userId))
    return { ok: false, error: 'not_member' };
  switch (action.type) {
    case 'accept': {
      if (action.userId === call.startedBy) {
        // The caller is in already; accepting one's own ringing call answers nothing.
        return call.state === 'ringing' ? { ok: false, error: 'own_call' } : same(call);
      }
      const joined = call.participants.includes(action.userId);
      const participants = joined ? call.participants : [...call.participants, action.userId];
      if (call.state === 'ringing')
        return next({ ...call, state: 'active', answeredAt: action.at, participants });
      return joined ? same(call) : next({ ...call, participants });
    }
    case 'decline':
      return decline(call, action.userId, action.at, ctx);
    case 'hangup':
      return hangup(call, action, ctx);
    case 'timeout':
      if (call.state !== 'ringing') return same(call);
      if (action.at < ringDeadline(call, ctx.ringTimeoutMs))
        return { ok: false, error: 'too_early' };
      return end(call, 'missed', action.at);
    case 'abandon':
      return call.state === 'active' ? end(call, 'completed', action.at) : same(call);
  }
}

/**
 * Glare: two people start a call in the same conversation at once. Exactly one call survives,
 * the same one on both sides: the earlier start, then the lower id. The store already refuses a
 * second live call per conversation, so the server's answer to the later start is the winner;
 * a client holding its own ringing call that hears of another uses this to pick one.
 */
export function glareWinner<T extends { id: string; startedAt: number }>(a: T, b: T): T {
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? a : b;
  return a.id <= b.id ? a : b;
}

/** For a client with its own ringing call `mine` that hears of `theirs`: keep mine or join theirs. */
export function resolveGlare(
  mine: { id: string; startedAt: number },
  theirs: { id: string; startedAt: number },
): 'keep' | 'join' {
  return glareWinner(mine, theirs) === mine ? 'keep' : 'join';
}
