import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { requireMember } from '@/lib/chat/server/access';
import { announce } from '@/lib/chat/server/events';
import { postSystemMessage } from '@/lib/chat/server/posted-messages';
import type { ConversationsPort, MembershipsPort, Store, CallsPort } from '@/lib/db/store';
import type { Call, CallKind, User } from '@/lib/db/types';
import { dispatchQueued, newJob } from '@/lib/jobs/outbox';

import { requireCallAccess } from './access';
import { ringTimeoutMs } from './config';
import { durationOf, ringUntilOf, toSnapshot } from '../present';
import { getCallRoomPresence, type CallRoomPresence } from './room';
import { transition, type CallAction, type CallContext } from '../state-machine';

/**
 * Calls over the store: every REST action runs through the state machine, then the store is
 * written (each write conditional, so races and retries are harmless) and the members hear of it
 * through their inbox rooms (`call.ringing`, `call.updated`, `call.ended`). The end of a call is
 * written once, and only then are `call.ended` and its system message published.
 *
 * Nothing runs on a timer: a call still ringing past its deadline, or active with its room empty
 * for EMPTY_GRACE_MS, is settled (missed, completed) by the next request that reads it. The
 * caller's tab also hangs up at `ringUntil`, which ends an unanswered call as missed.
 */

/** An active call nobody has been connected to for this long is over. */
export const EMPTY_GRACE_MS = 60_000;

export type CallDeps = {
  now: () => number;
  ringTimeoutMs: number;
  /** Who is connected to the call's room; null when the room cannot be asked. */
  roomPresence: (callId: string) => Promise<CallRoomPresence | null>;
};

export function callDeps(overrides: Partial<CallDeps> = {}): CallDeps {
  return {
    now: Date.now,
    ringTimeoutMs: ringTimeoutMs(),
    roomPresence: getCallRoomPresence,
    ...overrides,
  };
}

/** What changing a call writes and announces (apply, settle). */
type ChangeStore = MembershipsPort &
  Pick<
    Store,
    | 'addCallDecline'
    | 'addCallParticipant'
    | 'createMessage'
    | 'endCall'
    | 'getConversation'
    | 'markCallAnswered'
  >;
/** What the REST actions on one call use. */
type CallStore = CallsPort & ConversationsPort & MembershipsPort & Pick<Store, 'createMessage'>;

async function contextFor(
  store: Pick<Store, 'getConversation' | 'listMemberships'>,
  call: Call,
  deps: CallDeps,
): Promise<CallContext> {
  const [conversation, members] = await Promise.all([
    store.getConversation({ id: call.conversationId }),
    store.listMemberships({ conversationId: call.conversationId }),
  ]);
  return {
    direct: conversation?.kind === 'direct',
    members: members.map((m) => m.userId),
    ringTimeoutMs: deps.ringTimeoutMs,
  };
}

const refusals = {
  not_member: () => new ApiError('not_found', 'That call was not found.'),
  own_call: () => new ApiError('conflict', 'You started this call; it is waiting for an answer.'),
  too_early: () => new ApiError('conflict', 'This call is still ringing.'),
};

/** Tells the members a call ended, and records it in the conversation. */
async function announceEnd(
  store: MembershipsPort & Pick<Store, 'createMessage'>,
  call: Call,
): Promise<void> {
  const durationMs = durationOf(call);
  const { conversationId, id: callId } = call;
  await announce(store, conversationId, [
    { type: 'call.ended', conversationId, callId, outcome: call.outcome!, durationMs },
  ]);
  await postSystemMessage(store, conversationId, {
    type: 'call',
    actorId: call.startedBy,
    callId,
    kind: call.kind,
    outcome: call.outcome!,
    durationMs,
  });
}

/**
 * Runs `action` through the state machine and writes what changed. Returns the stored call. An
 * end decided on a state that changed meanwhile (an answer landing as the caller gives up) is
 * decided again on the fresh call, once.
 */
async function apply(
  store: ChangeStore,
  call: Call,
  action: CallAction,
  deps: CallDeps,
  retry = true,
): Promise<Call> {
  const result = transition(toSnapshot(call), action, await contextFor(store, call, deps));
  if (!result.ok) throw refusals[result.error]();
  if (!result.changed) return call;
  const next = result.call;
  const id = call.id;
  let stored: Call | null = call;
  for (const userId of next.participants.filter((u) => !call.participants.includes(u)))
    stored = await store.addCallParticipant({ id, userId });
  for (const userId of next.declinedBy.filter((u) => !call.declinedBy.includes(u)))
    stored = await store.addCallDecline({ id, userId });
  if (call.state === 'ringing' && next.state === 'active')
    stored = await store.markCallAnswered({ id });
  if (next.state === 'ended' && next.outcome) {
    // Decided on `call`: it lands only if the call is still in that state.
    const from = call.state === 'active' ? 'active' : 'ringing';
    // A missed call's notifications are written with its end (the outbox), only if it lands.
    const jobs =
      next.outcome === 'missed'
        ? [newJob('notify-call', { callId: id }, { dedupeId: `notify-call:${id}` })]
        : [];
    const ended = await store.endCall({ id, outcome: next.outcome, state: from, jobs });
    if (!ended) throw new ApiError('not_found', 'That call was not found.');
    await dispatchQueued(ended.queued);
    if (!ended.ended && ended.call.state !== 'ended' && retry)
      return apply(store, ended.call, action, deps, false);
    // Someone else's request ended it first: they announce it.
    if (ended.ended) await announceEnd(store, ended.call);
    return ended.call;
  }
  if (!stored) throw new ApiError('not_found', 'That call was not found.');
  if (stored.state !== 'ended') {
    const { conversationId, participants, declinedBy } = stored;
    await announce(store, conversationId, [
      {
        type: 'call.updated',
        conversationId,
        callId: id,
        state: stored.state,
        participants,
        declinedBy,
      },
    ]);
  }
  return stored;
}

/** Ends a call that ran out: unanswered past its deadline, or active with nobody left in it. */
async function settle(store: ChangeStore, call: Call, deps: CallDeps): Promise<Call> {
  const at = deps.now();
  if (call.state === 'ringing' && at >= ringUntilOf(call, deps.ringTimeoutMs).getTime())
    return apply(store, call, { type: 'timeout', at }, deps);
  if (call.state !== 'active') return call;
  const presence = await deps.roomPresence(call.id);
  if (!presence || presence.participants.length > 0) return call;
  const emptySince = presence.lastLeftAt ?? call.answeredAt?.getTime() ?? at;
  if (at - emptySince < EMPTY_GRACE_MS) return call;
  return apply(store, call, { type: 'abandon', at }, deps);
}

function requireNotEnded(call: Call): void {
  if (call.state === 'ended') throw new ApiError('conflict', 'This call has ended.');
}

/**
 * Starts a call in a conversation, or joins the one already there: when two people call at once
 * (glare) the store keeps the first, and the second start answers it. created: false then.
 */
export async function startCall(
  store: ChangeStore & ConversationsPort & Pick<Store, 'createCall' | 'getActiveCall'>,
  user: User,
  conversationId: string,
  input: { kind: CallKind },
  deps = callDeps(),
): Promise<{ call: Call; created: boolean }> {
  await requireMember(store, conversationId, user.id);
  const live = await store.getActiveCall({ conversationId });
  if (live) await settle(store, live, deps);
  const { call, created } = await store.createCall({
    conversationId,
    startedBy: user.id,
    kind: input.kind,
  });
  if (!created) {
    if (call.startedBy === user.id) return { call, created };
    return {
      call: await apply(store, call, { type: 'accept', userId: user.id, at: deps.now() }, deps),
      created,
    };
  }
  await announce(store, conversationId, [
    {
      type: 'call.ringing',
      conversationId,
      callId: call.id,
      kind: call.kind,
      callerId: user.id,
      ringUntil: ringUntilOf(call, deps.ringTimeoutMs).toISOString(),
    },
  ]);
  return { call, created };
}

/** The call, settled (a ringing call past its deadline comes back missed). Members only. */
export async function getCallFor(store: CallStore, user: User, callId: string, deps = callDeps()) {
  const { call } = await requireCallAccess(store, callId, user.id);
  return settle(store, call, deps);
}

/** The conversation's ringing or active call, settled, or null. Members only. */
export async function getLiveCall(
  store: ChangeStore & ConversationsPort & Pick<Store, 'getActiveCall'>,
  user: User,
  conversationId: string,
  deps = callDeps(),
): Promise<Call | null> {
  await requireMember(store, conversationId, user.id);
  const live = await store.getActiveCall({ conversationId });
  if (!live) return null;
  const settled = await settle(store, live, deps);
  return settled.state === 'ended' ? null : settled;
}

/** Answers a ringing call, or joins an active (group) call. 409 once it has ended. */
export async function acceptCall(store: CallStore, user: User, callId: string, deps = callDeps()) {
  const call = await getCallFor(store, user, callId, deps);
  requireNotEnded(call);
  return apply(store, call, { type: 'accept', userId: user.id, at: deps.now() }, deps);
}

/** Declines a ringing call (1:1: it ends as declined). Idempotent; an ended call is returned. */
export async function declineCall(store: CallStore, user: User, callId: string, deps = callDeps()) {
  const call = await getCallFor(store, user, callId, deps);
  return apply(store, call, { type: 'decline', userId: user.id, at: deps.now() }, deps);
}

/**
 * Hangs up: a ringing call the caller gives up on is missed; a 1:1 call ends; a group call ends
 * when nobody else is left in its room. Idempotent; an ended call is returned as it is.
 */
export async function hangUpCall(store: CallStore, user: User, callId: string, deps = callDeps()) {
  const call = await getCallFor(store, user, callId, deps);
  let othersPresent: number | null = 0;
  if (call.state === 'active') {
    const presence = await deps.roomPresence(call.id);
    othersPresent = presence ? presence.participants.filter((u) => u !== user.id).length : null;
  }
  const action: CallAction = { type: 'hangup', userId: user.id, at: deps.now(), othersPresent };
  return apply(store, call, action, deps);
}

/** Ends a ringing call as missed once its deadline passed (any caller; no access check). */
export async function missCall(
  store: ChangeStore & Pick<Store, 'getCall'>,
  callId: string,
  deps = callDeps(),
) {
  const call = await store.getCall({ id: callId });
  return call ? settle(store, call, deps) : null;
}
