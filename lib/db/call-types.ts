/** Records the store returns for calls. */

export type CallKind = 'audio' | 'video';
/** ringing → active (someone answered) → ended; or ringing → ended (missed, declined). */
export type CallState = 'ringing' | 'active' | 'ended';
export type CallOutcome = 'completed' | 'missed' | 'declined';

/** A call in a conversation. A conversation has at most one call that is not ended. */
export type Call = {
  id: string;
  conversationId: string;
  startedBy: string;
  kind: CallKind;
  state: CallState;
  /** Set exactly when the call ends. */
  outcome: CallOutcome | null;
  /** Everyone who joined, the caller first, in join order; never shrinks. */
  participants: string[];
  /** People who declined while it rang (a group call rings on until everyone has). */
  declinedBy: string[];
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
};
