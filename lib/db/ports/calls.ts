import type { Call, CallKind, CallOutcome, DailyCalls, Job, NewJob } from '../types';

/** Voice and video calls: at most one live call per conversation. */
export interface CallsPort {
  /**
   * Starts a ringing call with the caller as its first participant. A conversation has at most
   * one live (ringing or active) call: while there is one, even under concurrent starts, it is
   * returned with created: false and nothing changes.
   */
  createCall(input: {
    conversationId: string;
    startedBy: string;
    kind: CallKind;
  }): Promise<{ call: Call; created: boolean }>;
  getCall(input: { id: string }): Promise<Call | null>;
  /** The conversation's ringing or active call, if any. */
  getActiveCall(input: { conversationId: string }): Promise<Call | null>;
  /** A conversation's calls, newest first. */
  listCalls(input: { conversationId: string; limit: number }): Promise<Call[]>;
  /**
   * Calls started per UTC day since `since` (days without any left out), with the minutes from
   * answer to end of those answered: the operations page's 30-day usage.
   */
  callActivity(input: { since: Date }): Promise<DailyCalls[]>;
  /** Ringing → active with answeredAt now; a call in any other state comes back unchanged. */
  markCallAnswered(input: { id: string }): Promise<Call | null>;
  /** Adds a participant once (join order kept); an ended call comes back unchanged. */
  addCallParticipant(input: { id: string; userId: string }): Promise<Call | null>;
  /** Records a decline once, while the call rings; otherwise the call comes back unchanged. */
  addCallDecline(input: { id: string; userId: string }): Promise<Call | null>;
  /**
   * Ends a live call with `outcome` and endedAt now. Idempotent: only the first end counts
   * (ended: true); later ones get the stored call with ended: false. With `state`, only a call
   * still in that state ends (a decision made on a stale read does not land). Null for unknown ids.
   * `jobs` (the outbox, as for createMessage; the call's id is known, so they are data) are
   * written with the end that counts, and only with it; `queued` lists those created.
   */
  endCall(input: {
    id: string;
    outcome: CallOutcome;
    state?: 'ringing' | 'active';
    jobs?: NewJob[];
  }): Promise<{ call: Call; ended: boolean; queued: Job[] } | null>;
}
