import 'server-only';

import { ApiError, notFound } from '@/lib/api/errors';
import type { Store } from '@/lib/db/store';
import type { User } from '@/lib/db/types';

import { requireAdmin, requireMember } from './access';
import { announce } from './events';
import { getConversationView } from './conversations';
import type { ConversationWire } from '../wire';

/**
 * Makes a group member an admin, or an admin a plain member again. Owners and admins may; the
 * owner's own role never changes here (ownership passes only when the owner leaves). Every
 * member's tabs refetch the conversation, so the details panel shows the new role.
 */
export async function setMemberRole(
  store: Store,
  user: User,
  conversationId: string,
  userId: string,
  role: 'admin' | 'member',
): Promise<ConversationWire> {
  const { conversation, membership } = await requireMember(store, conversationId, user.id);
  requireAdmin(conversation, membership);
  const target = await store.getMembership({ conversationId, userId });
  if (!target) throw notFound('That member');
  if (target.role === 'owner') {
    throw new ApiError('forbidden', 'The group’s owner stays its owner.');
  }
  if (target.role !== role) {
    await store.updateMembership({ conversationId, userId, role });
    await announce(store, conversationId, [{ type: 'conversation.updated', conversationId }]);
  }
  return getConversationView(store, user, conversationId);
}
