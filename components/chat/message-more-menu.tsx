'use client';

import * as Popover from '@radix-ui/react-popover';

import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { groupApi } from '@/lib/chat/client/group-api';
import { useUnreadHold } from '@/lib/chat/client/unread-hold';
import type { MessageWire } from '@/lib/chat/wire';
import { toast } from '@/lib/ui/client/toast-store';

/** A link that opens the conversation scrolled to this message (and highlights it). */
export function messageLink(message: Pick<MessageWire, 'id' | 'conversationId'>, origin: string) {
  return `${origin}/chats/${message.conversationId}?message=${encodeURIComponent(message.id)}`;
}

async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast({ title: `${what} copied`, variant: 'success' });
  } catch {
    toast({ title: `Could not copy the ${what.toLowerCase()}`, variant: 'error' });
  }
}

async function markUnread(message: MessageWire) {
  try {
    const conversation = await groupApi.markUnread(message.conversationId, message.seq);
    useUnreadHold.getState().hold(message.conversationId);
    useConversationsStore.getState().upsert(conversation);
    toast({ title: 'Marked unread from here' });
  } catch (e) {
    toast({ title: 'Could not mark unread', description: (e as Error).message, variant: 'error' });
  }
}

/** The message menu's less frequent actions: Copy text, Copy link, Mark unread. */
export function MessageMoreMenu({
  message,
  className,
}: {
  message: MessageWire;
  className: string;
}) {
  const item =
    'rounded px-3 py-1.5 text-left text-sm hover:bg-surface-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring';
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" aria-label="More actions" className={className}>
          <span aria-hidden>⋯</span>
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          role="menu"
          aria-label="More actions"
          sideOffset={4}
          align="end"
          className="z-50 flex min-w-40 flex-col rounded-lg border border-border bg-bg p-1 shadow-lg"
        >
          {message.body ? (
            <Popover.Close asChild>
              <button
                type="button"
                role="menuitem"
                className={item}
                onClick={() => void copy(message.body, 'Text')}
              >
                Copy text
              </button>
            </Popover.Close>
          ) : null}
          <Popover.Close asChild>
            <button
              type="button"
              role="menuitem"
              className={item}
              onClick={() => void copy(messageLink(message, window.location.origin), 'Link')}
            >
              Copy link
            </button>
          </Popover.Close>
          <Popover.Close asChild>
            <button
              type="button"
              role="menuitem"
              className={item}
              onClick={() => void markUnread(message)}
            >
              Mark unread
            </button>
          </Popover.Close>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
