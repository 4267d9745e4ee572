import type { Call } from '@/lib/db/types';

import { callDurationMs, ringDeadline, type CallSnapshot } from './state-machine';
import type { CallWire } from './wire';

const ms = (date: Date | null) => (date === null ? null : date.getTime());
const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** The state machine's view of a stored call (times in epoch ms). */
export function toSnapshot(call: Call): CallSnapshot {
  return {
    state: call.state,
    outcome: call.outcome,
    startedBy: call.startedBy,
    participants: call.participants,
    declinedBy: call.declinedBy,
    startedAt: call.startedAt.getTime(),
    answeredAt: ms(call.answeredAt),
    endedAt: ms(call.endedAt),
  };
}

export const durationOf = (call: Call): number => callDurationMs(toSnapshot(call));

export function ringUntilOf(call: Call, ringTimeoutMs: number): Date {
  return new Date(ringDeadline(toSnapshot(call), ringTimeoutMs));
}

export function toCallWire(call: Call, ringTimeoutMs: number): CallWire {
  return {
    id: call.id,
    conversationId: call.conversationId,
    startedBy: call.startedBy,
    kind: call.kind,
    state: call.state,
    outcome: call.outcome,
    participants: [...call.participants],
    declinedBy: [...call.declinedBy],
    startedAt: call.startedAt.toISOString(),
    answeredAt: iso(call.answeredAt),
    endedAt: iso(call.endedAt),
    ringUntil: call.state === 'ringing' ? ringUntilOf(call, ringTimeoutMs).toISOString() : null,
    durationMs: call.state === 'ended' ? durationOf(call) : null,
  };
}
