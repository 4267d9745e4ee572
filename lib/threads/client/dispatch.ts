'use client';

import 'client-only';
import { followUp } from '@/lib/chat/client/sync';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';
import { loadPins, usePinsStore } from '@/lib/pins/client/pins-store';
import type { RoomEvent } from '@/lib/realtime/protocol';

import { refreshFollowed } from './sync';
import { useThreadsStore } from './threads-store';

/**
 * What thread and pin frames do to the browser's stores; lib/realtime/client/dispatch.ts calls
 * it for every event, before its own handling (message frames also reach the timeline there).
 */
export function dispatchThreadsAndPins(event: RoomEvent, meId: string): void {
  const threads = useThreadsStore.getState();
  switch (event.type) {
    case 'message.created':
    case 'message.updated':
    case 'message.deleted':
      if (event.message.threadRootId) threads.reply(event.message);
      return;
    case 'reaction.changed':
      threads.reaction(event.messageId, event.reactions);
      return;
    case 'thread.updated':
      // The root's "N replies" in the timeline, like any edit of it.
      followUp(
        event.conversationId,
        useTimelineStore.getState().applyEvent({
          type: 'message.updated',
          conversationId: event.conversationId,
          seq: event.root.seq,
          message: event.root,
        }),
      );
      threads.root(event.root);
      void refreshFollowed();
      return;
    case 'thread.read':
      threads.readerMoved(event.rootId, event.userId, event.lastReadSeq);
      if (event.userId !== meId) return;
      threads.membership(event.rootId, {
        following: event.following,
        lastReadSeq: event.lastReadSeq,
      });
      void refreshFollowed();
      return;
    case 'pin.changed':
    // The group's pin policy or someone's role changed: who may pin may have too.
    case 'conversation.updated':
      if (usePinsStore.getState().byConversation[event.conversationId])
        void loadPins(event.conversationId).catch(() => undefined);
      return;
    default:
      return;
  }
}
