'use client';

import 'client-only';
import { useEffect, useRef, useState } from 'react';

import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';
import { useUnreadHold } from '@/lib/chat/client/unread-hold';

import { chatApi } from './api-client';
import type { ConversationWire } from '../wire';

/**
 * Marks the conversation read up to the newest loaded message while the person can see it: the
 * tab is visible and the list is scrolled to the bottom. Returns the list's at-bottom callback.
 */
export function useMarkRead(
  conversation: ConversationWire,
  meId: string,
): (atBottom: boolean) => void {
  const [atBottom, setAtBottom] = useState(true);
  const [visible, setVisible] = useState(true);
  const newest = useTimelineStore(
    (s) => s.conversations[conversation.id]?.messages.at(-1)?.seq ?? 0,
  );
  const sent = useRef(0);
  // Marked unread in this tab: not read again until the person leaves and comes back.
  const held = useUnreadHold((s) => s.held[conversation.id] === true);
  useEffect(() => () => useUnreadHold.getState().release(conversation.id), [conversation.id]);

  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);

  useEffect(() => {
    if (!visible || !atBottom || held) return;
    if (newest <= conversation.lastReadSeq || newest <= sent.current) return;
    const timer = setTimeout(() => {
      sent.current = newest;
      chatApi
        .markRead(conversation.id, newest)
        .then((r) =>
          useConversationsStore.getState().readMoved({
            conversationId: r.conversationId,
            userId: meId,
            lastReadSeq: r.lastReadSeq,
            meId,
          }),
        )
        .catch(() => {
          sent.current = 0; // try again on the next change
        });
    }, 300);
    return () => clearTimeout(timer);
  }, [visible, atBottom, held, newest, conversation.id, conversation.lastReadSeq, meId]);

  return setAtBottom;
}
