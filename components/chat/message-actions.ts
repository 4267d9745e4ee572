import 'client-only';

import type { LucideIcon } from 'lucide-react';
import { Copy, Link2, Pencil, Reply, Trash2 } from 'lucide-react';

import { chatApi } from '@/lib/chat/client/api-client';
import { useComposerStore } from '@/lib/chat/client/composer-store';
import type { MessageWire } from '@/lib/chat/wire';
import { toast } from '@/lib/ui/client/toast-store';

/** One entry of a message's menu (desktop and keyboard) and action sheet (touch). */
export type MessageAction = {
  id: string;
  label: string;
  icon: LucideIcon;
  run: () => void;
  danger?: boolean;
};

/** What the menu, the touch sheet and the "⋯" slot that opens them are given. */
export type MessageChoicesProps = {
  message: MessageWire;
  actions: MessageAction[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

export type MessageActionContext = {
  message: MessageWire;
  mine: boolean;
  /** The composer that replies and edits: the thread's for a thread's messages. */
  composerId: string;
  conversationId: string;
  /** Deleting asks first: the item opens its confirmation. */
  confirmDelete: () => void;
};

/** The reactions offered first in the menu and the sheet (one tap, no picker). */
export const QUICK_REACTIONS: readonly { emoji: string; name: string }[] = [
  { emoji: '👍', name: 'thumbs up' },
  { emoji: '❤️', name: 'heart' },
  { emoji: '😂', name: 'laughing' },
  { emoji: '🎉', name: 'party' },
  { emoji: '😮', name: 'surprised' },
  { emoji: '🙏', name: 'thank you' },
];

export function react(message: MessageWire, emoji: string, present: boolean) {
  chatApi
    .react(message.id, emoji, present)
    .catch((e: Error) =>
      toast({ title: 'Reaction not saved', description: e.message, variant: 'error' }),
    );
}

/** A link that opens the conversation scrolled to this message (and highlights it). */
export function messageLink(conversationId: string, messageId: string): string {
  return `${window.location.origin}/chats/${conversationId}?message=${encodeURIComponent(messageId)}`;
}

/**
 * Reply and Edit continue in the composer. Picked from a menu, focus is handed back once the menu
 * has finished closing (Radix restores focus on a timer after it unmounts).
 */
function focusComposerAfterMenu() {
  setTimeout(
    () => document.querySelector<HTMLTextAreaElement>('textarea[data-composer]')?.focus(),
    50,
  );
}

function copy(text: string, what: string) {
  navigator.clipboard.writeText(text).then(
    () => toast({ title: `${what} copied`, variant: 'success' }),
    () => toast({ title: `Could not copy the ${what.toLowerCase()}`, variant: 'error' }),
  );
}

/**
 * The message's actions, in menu order. This list is the one place to add an action: the hover
 * menu, the keyboard's Enter menu and the touch sheet all render it. `extra` entries (from other
 * features, such as "Mark unread") go after the built-in ones and before Delete.
 */
export function messageActions(
  ctx: MessageActionContext,
  extra: readonly MessageAction[] = [],
): MessageAction[] {
  const { message, mine, conversationId, composerId } = ctx;
  const composer = useComposerStore.getState();
  const actions: MessageAction[] = [
    {
      id: 'reply',
      label: 'Reply',
      icon: Reply,
      run: () => {
        composer.setReplyTo(composerId, message);
        focusComposerAfterMenu();
      },
    },
  ];
  if (mine)
    actions.push({
      id: 'edit',
      label: 'Edit message',
      icon: Pencil,
      run: () => {
        composer.setEditing(composerId, message);
        focusComposerAfterMenu();
      },
    });
  if (message.body)
    actions.push({
      id: 'copy-text',
      label: 'Copy text',
      icon: Copy,
      run: () => copy(message.body, 'Text'),
    });
  actions.push(
    {
      id: 'copy-link',
      label: 'Copy link',
      icon: Link2,
      run: () => copy(messageLink(conversationId, message.id), 'Link'),
    },
    ...extra,
  );
  if (mine)
    actions.push({
      id: 'delete',
      label: 'Delete message',
      icon: Trash2,
      run: ctx.confirmDelete,
      danger: true,
    });
  return actions;
}
