import type { Pin, PinPolicy } from '../types';

/** The most pins a conversation holds; pinning one more is refused. */
export const MAX_PINS = 50;

/** Pinned messages, per conversation, and who may pin in a group. */
export interface PinsPort {
  /**
   * Pins a message. Atomic with the limit: `full` when the conversation already holds MAX_PINS
   * (and this message is not among them). Pinning a pinned message changes nothing
   * (created: false).
   */
  pinMessage(input: {
    conversationId: string;
    messageId: string;
    userId: string;
  }): Promise<{ pin: Pin; created: boolean } | { full: true }>;
  /** False when the message was not pinned. */
  unpinMessage(input: { conversationId: string; messageId: string }): Promise<boolean>;
  /** A conversation's pins, the most recent first. */
  listPins(input: { conversationId: string }): Promise<Pin[]>;
  /** 'admins_and_author' unless the group chose otherwise. */
  getPinPolicy(input: { conversationId: string }): Promise<PinPolicy>;
  setPinPolicy(input: { conversationId: string; policy: PinPolicy }): Promise<PinPolicy>;
}
