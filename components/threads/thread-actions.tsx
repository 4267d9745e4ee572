'use client';

import { MessageSquareText } from 'lucide-react';

import type { MessageAction } from '@/components/chat/message-actions';
import type { MessageWire } from '@/lib/chat/wire';
import { useThreadsStore } from '@/lib/threads/client/threads-store';

const startsThread = (message: MessageWire) =>
  message.threadRootId === null && message.kind === 'user';

const openThread = (message: MessageWire, conversationId: string) =>
  useThreadsStore.getState().open(conversationId, message.id);

/** "Reply in thread" in the toolbar over a message: opens its thread (a reply has none). */
export function ThreadActions({
  message,
  conversationId,
}: {
  message: MessageWire;
  conversationId: string;
}) {
  if (!startsThread(message)) return null;
  return (
    <button
      type="button"
      aria-label="Reply in thread"
      title="Reply in thread"
      className="inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
      onClick={() => openThread(message, conversationId)}
    >
      <MessageSquareText aria-hidden size={18} />
    </button>
  );
}

/** The same, for the message menu and the touch sheet (an `extra` of messageActions). */
export function threadAction(message: MessageWire, conversationId: string): MessageAction | null {
  if (!startsThread(message)) return null;
  return {
    id: 'reply-in-thread',
    label: 'Reply in thread',
    icon: MessageSquareText,
    run: () => openThread(message, conversationId),
  };
}
