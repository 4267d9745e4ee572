'use client';

import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { usePeopleStore } from '@/lib/users/client/people-store';

/** A participant's name and picture, from the conversation's members (live profile first). */
export function useCallPerson(conversationId: string, userId: string) {
  const member = useConversationsStore((s) =>
    s.byId[conversationId]?.members.find((m) => m.id === userId),
  );
  const live = usePeopleStore((s) => s.people[userId]);
  return {
    name: live?.name ?? member?.name ?? 'Someone',
    image: live?.image ?? member?.image ?? null,
  };
}

/** The conversation's name and kind, for the call's title. */
export function useCallConversation(conversationId: string) {
  const conversation = useConversationsStore((s) => s.byId[conversationId]);
  return { name: conversation?.name ?? 'Call', direct: conversation?.kind === 'direct' };
}
