import 'client-only';

import { followUp } from '@/lib/chat/client/sync';
import { refreshConversation } from '@/lib/chat/client/use-conversations';
import { useCallStore } from '@/lib/calls/client/call-store';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { useDraftsStore } from '@/lib/chat/client/drafts-store';
import { useGamesStore } from '@/lib/games/client/games-store';
import { useNotificationsStore } from '@/lib/notifications/client/notifications-store';
import { dispatchThreadsAndPins } from '@/lib/threads/client/dispatch';
import { usePeopleStore } from '@/lib/users/client/people-store';
import { usePresenceStore } from '@/lib/chat/client/presence-store';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';
import { useTypingStore } from '@/lib/chat/client/typing-store';

import type { ServerFrame } from '../protocol';

/** Applies one parsed server frame to the client stores. `meId` is the signed-in person. */
export function dispatchFrame(frame: ServerFrame, meId: string): void {
  switch (frame.type) {
    case 'presence':
      usePresenceStore.getState().apply(frame.users);
      return;
    case 'event':
      break;
    default:
      return;
  }
  const { event } = frame;
  dispatchThreadsAndPins(event, meId);
  const conversations = useConversationsStore.getState();
  switch (event.type) {
    case 'user.updated':
      usePeopleStore.getState().upsert(event.user);
      return;
    case 'notification.created':
      useNotificationsStore.getState().added(event.notification, event.unreadCount);
      return;
    case 'notifications.read':
      useNotificationsStore.getState().read(event.ids, event.unreadCount);
      return;
    case 'message.created':
      if (!conversations.byId[event.conversationId]) void refreshConversation(event.conversationId);
      conversations.messageArrived(event.message, meId);
      if (event.message.authorId)
        useTypingStore.getState().set(event.conversationId, event.message.authorId, false);
      // A reply streamed as a draft arrives with the draft's id as its clientId.
      if (event.message.clientId)
        useDraftsStore.getState().finish(event.conversationId, event.message.clientId);
      followUp(event.conversationId, useTimelineStore.getState().applyEvent(event));
      return;
    case 'message.draft':
      useDraftsStore.getState().apply(event);
      return;
    case 'message.updated':
    case 'message.deleted':
      conversations.messageChanged(event.message);
      followUp(event.conversationId, useTimelineStore.getState().applyEvent(event));
      return;
    case 'reaction.changed':
      followUp(event.conversationId, useTimelineStore.getState().applyEvent(event));
      return;
    case 'read.updated':
      conversations.readMoved({ ...event, meId });
      return;
    case 'call.ringing':
    case 'call.updated':
    case 'call.ended':
      // The incoming-call dialog names the caller from the conversation's members.
      if (event.type === 'call.ringing' && !conversations.byId[event.conversationId])
        void refreshConversation(event.conversationId);
      useCallStore.getState().applyEvent(event, meId);
      return;
    case 'game.updated':
      useGamesStore.getState().upsert(event.game);
      return;
    case 'conversation.updated':
    case 'member.added':
      void refreshConversation(event.conversationId);
      return;
    case 'member.removed':
      if (event.userIds.includes(meId)) {
        conversations.remove(event.conversationId);
        useTimelineStore.getState().reset(event.conversationId);
      } else void refreshConversation(event.conversationId);
      return;
  }
}
