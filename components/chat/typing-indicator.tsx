'use client';

import { typingLabel } from '@/lib/chat/typing';
import type { ConversationWire } from '@/lib/chat/wire';
import { useTypingStore } from '@/lib/chat/client/typing-store';

/** "Ana is typing…", announced politely; the line keeps its height so nothing jumps. */
export function TypingIndicator({
  conversation,
  meId,
}: {
  conversation: ConversationWire;
  meId: string;
}) {
  const typing = useTypingStore((s) => s.byConversation[conversation.id]);
  const names = Object.keys(typing ?? {})
    .filter((id) => id !== meId)
    .map((id) => conversation.members.find((m) => m.id === id)?.name ?? 'Someone');
  return (
    <p role="status" aria-live="polite" className="h-5 px-4 text-xs text-muted">
      {typingLabel(names)}
    </p>
  );
}
