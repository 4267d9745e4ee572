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
  // The newest loaded message; at the end of the conversation, its last seq (my own latest send
  // may still be settling in the timeline, and it must not stay counted as unread).
  const loaded = useTimelineStore(
    (s) => s.conversations[conversation.id]?.messages.at(-1)?.seq ?? 0,
  );
  const atEnd = useTimelineStore((s) => {
    const t = s.conversations[conversation.id];
    return !!t && t.loadedLatest && !t.hasMoreAfter;
  });
  const newest = atEnd ? Math.max(loaded, conversation.lastSeq) : loaded;
  // What this hook last sent, per conversation (the same view may be reused for another one).
  const sent = useRef({ id: conversation.id, seq: 0 });
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
    if (sent.current.id !== conversation.id) sent.current = { id: conversation.id, seq: 0 };
    // Marked unread (the read position moved back): what was sent before no longer counts.
    if (conversation.lastReadSeq < sent.current.seq) sent.current.seq = conversation.lastReadSeq;
    if (!visible || !atBottom || held) return;
    if (newest <= conversation.lastReadSeq || newest <= sent.current.seq) return;
    const timer = setTimeout(() => {
      sent.current = { id: conversation.id, seq: newest };
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
          sent.current = { id: conversation.id, seq: 0 }; // try again on the next change
        });
    }, 300);
    return () => clearTimeout(timer);
  }, [visible, atBottom, held, newest, conversation.id, conversation.lastReadSeq, meId]);

  return setAtBottom;
}
