import type { MessageWire } from '@/lib/chat/wire';

/**
 * The main timeline shows a thread reply only when it was also sent to the conversation (as in
 * Slack). The store keeps every message, replies too, so seq stays gap-free for resync.
 */
export const inMainTimeline = (m: Pick<MessageWire, 'threadRootId' | 'alsoInConversation'>) =>
  m.threadRootId === null || m.alsoInConversation;

/** The timeline without replies kept in their threads; the same object when there are none. */
export function mainTimeline<T extends { messages: readonly MessageWire[] }>(timeline: T): T {
  return timeline.messages.every(inMainTimeline)
    ? timeline
    : { ...timeline, messages: timeline.messages.filter(inMainTimeline) };
}
