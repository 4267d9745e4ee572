import type { MemberRole, PinPolicy } from '@/lib/db/types';

/**
 * Who may pin or unpin a message: anyone in a DM; in a group the owner and admins, and the
 * message's author, unless the group lets every member pin.
 */
export function canPin(input: {
  conversationKind: 'direct' | 'group';
  role: MemberRole;
  policy: PinPolicy;
  userId: string;
  authorId: string | null;
}): boolean {
  if (input.conversationKind === 'direct' || input.policy === 'everyone') return true;
  return input.role !== 'member' || input.authorId === input.userId;
}
