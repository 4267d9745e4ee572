import type { ConversationWire } from './wire';

/**
 * The fields a new message changes on its conversation. Message rows show none of them (the
 * sidebar, the unread divider and the read receipt read them outside the rows).
 */
const PER_MESSAGE = new Set<keyof ConversationWire>([
  'lastMessage',
  'lastSeq',
  'lastReadSeq',
  'unreadCount',
  'lastActivityAt',
]);

/**
 * Whether `next` differs from `previous` in anything a message row shows: every field but the
 * per-message ones, compared by identity (the store keeps unchanged members arrays as they were).
 */
export function rowsSeeChange(previous: ConversationWire, next: ConversationWire): boolean {
  if (previous === next) return false;
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]) as Set<
    keyof ConversationWire
  >;
  for (const key of keys) if (!PER_MESSAGE.has(key) && previous[key] !== next[key]) return true;
  return false;
}
