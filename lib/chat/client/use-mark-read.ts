'use client';

import 'client-only';
import { useEffect, useMemo, useRef, useState } from 'react';

import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';
import { useUnreadHold } from '@/lib/chat/client/unread-hold';
import { useNotificationsStore } from '@/lib/notifications/client/notifications-store';

import { chatApi } from './api-client';
import { createReadMarks } from '../read-marks';
import { createSeenDelay } from '../seen-delay';
import type { ConversationWire } from '../wire';

/**
 * Marks the conversation read up to the newest loaded message while the person can see it: the
 * tab is visible and the list is scrolled to the bottom. Returns the list's at-bottom callback.
 *
 * The position shows at once here (the sidebar's count) and, through the conversation room
 * (`sendRead`), in everyone's receipts. The first position after opening is written at once;
 * later ones, seen while staying, are coalesced (lib/chat/read-marks.ts): leaving the
 * conversation, hiding the tab or closing the page writes the last. A position counts once it has
 * been on screen for a moment, or when the person leaves before that (lib/chat/seen-delay.ts).
 */
export function useMarkRead(
  conversation: ConversationWire,
  meId: string,
  sendRead: (seq: number) => boolean,
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
  // What this hook last marked, per conversation (the same view may be reused for another one).
  const sent = useRef({ id: conversation.id, seq: 0 });
  // Marked unread in this tab: not read again until the person leaves and comes back.
  const held = useUnreadHold((s) => s.held[conversation.id] === true);
  useEffect(() => () => useUnreadHold.getState().release(conversation.id), [conversation.id]);

  const conversationId = conversation.id;
  const marks = useMemo(
    () =>
      createReadMarks({
        write: (seq, { keepalive }) =>
          chatApi.markRead(conversationId, seq, { keepalive }).then((r) =>
            useConversationsStore.getState().readMoved({
              conversationId: r.conversationId,
              userId: meId,
              lastReadSeq: r.lastReadSeq,
              meId,
            }),
          ),
      }),
    [conversationId, meId],
  );
  const seen = useMemo(() => createSeenDelay(), []);
  // Leaving the conversation (or the page) counts what was on screen and writes what is waiting.
  useEffect(() => {
    const leave = () => {
      seen.commit();
      marks.flush({ keepalive: true });
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [marks, seen]);

  useEffect(() => {
    const update = () => {
      setVisible(document.visibilityState === 'visible');
      if (document.visibilityState === 'hidden') marks.flush({ keepalive: true });
    };
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, [marks]);

  useEffect(() => {
    if (held) marks.reset();
  }, [held, marks]);

  useEffect(() => {
    if (sent.current.id !== conversation.id) sent.current = { id: conversation.id, seq: 0 };
    // Marked unread (the read position moved back): what was marked before no longer counts.
    if (conversation.lastReadSeq < sent.current.seq) {
      sent.current.seq = conversation.lastReadSeq;
      marks.reset();
    }
    if (
      !visible ||
      !atBottom ||
      held ||
      newest <= conversation.lastReadSeq ||
      newest <= sent.current.seq
    ) {
      seen.cancel();
      return;
    }
    seen.schedule(() => {
      // The first position after opening the conversation clears its unread count everywhere.
      const opening = sent.current.seq === 0;
      sent.current = { id: conversation.id, seq: newest };
      useConversationsStore
        .getState()
        .readMoved({ conversationId: conversation.id, userId: meId, lastReadSeq: newest, meId });
      const live = sendRead(newest);
      // An unread notification about it is shown in the bell (maybe on another device): the
      // server clears it when the position is written, so that write does not wait.
      const notified = useNotificationsStore
        .getState()
        .items.some((n) => n.conversationId === conversation.id && !n.readAt);
      marks.mark(newest, { live: live && !opening && !notified });
    });
    // Re-rendering or going away: the clock stops, the position waits (leaving commits it).
    return () => seen.pause();
  }, [
    visible,
    atBottom,
    held,
    newest,
    conversation.id,
    conversation.lastReadSeq,
    meId,
    marks,
    seen,
    sendRead,
  ]);

  return setAtBottom;
}
