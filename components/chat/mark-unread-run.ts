import 'client-only';

import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { groupApi } from '@/lib/chat/client/group-api';
import { useUnreadHold } from '@/lib/chat/client/unread-hold';
import type { MessageWire } from '@/lib/chat/wire';
import { toast } from '@/lib/ui/client/toast-store';

/**
 * Moves my read position back to just before this message: the badge returns (held until I
 * leave the conversation and come back, lib/chat/client/unread-hold.ts). Loaded on first use.
 */
export async function markUnread(message: MessageWire) {
  // Held before asking: the position moving back can reach this tab (its inbox event) before the
  // answer does, and the open conversation must not mark itself read again in between.
  useUnreadHold.getState().hold(message.conversationId);
  try {
    const conversation = await groupApi.markUnread(message.conversationId, message.seq);
    useConversationsStore.getState().upsert(conversation);
    toast({ title: 'Marked unread from here' });
  } catch (e) {
    useUnreadHold.getState().release(message.conversationId);
    toast({ title: 'Could not mark unread', description: (e as Error).message, variant: 'error' });
  }
}
