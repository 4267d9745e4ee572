'use client';

import type { MessageWire } from '@/lib/chat/wire';
import { useThreadsStore } from '@/lib/threads/client/threads-store';

/** "Reply in thread" in the message menu: opens the message's thread (a reply has none). */
export function ThreadActions({
  message,
  conversationId,
}: {
  message: MessageWire;
  conversationId: string;
}) {
  if (message.threadRootId !== null || message.kind !== 'user') return null;
  return (
    <button
      type="button"
      aria-label="Reply in thread"
      title="Reply in thread"
      className="rounded px-1.5 py-0.5 text-sm hover:bg-surface-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
      onClick={() => useThreadsStore.getState().open(conversationId, message.id)}
    >
      🧵
    </button>
  );
}
