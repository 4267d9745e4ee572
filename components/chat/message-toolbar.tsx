'use client';

import { Pencil, Reply, SmilePlus, Trash2 } from 'lucide-react';
import { forwardRef, lazy, Suspense, type ComponentProps, type ReactNode } from 'react';

import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { OnDemand, useOpenedOnce } from '@/components/ui/on-demand';
import { chatApi } from '@/lib/chat/client/api-client';
import { useComposerStore } from '@/lib/chat/client/composer-store';
import type { MessageWire } from '@/lib/chat/wire';
import { toast } from '@/lib/ui/client/toast-store';

import { react, type MessageAction, type MessageChoicesProps } from './message-actions';
import { MoreButton } from './more-button';

// The dropdown (Radix Menu) loads when a message's menu is first opened, by "⋯" or by Enter on
// a focused message; pointing at or focusing "⋯" starts the fetch.
const loadMenu = () => import('./message-menu');
const MessageMenu = lazy(() => loadMenu().then((m) => ({ default: m.MessageMenu })));
const prefetchMenu = () => void loadMenu().catch(() => undefined);
// The reaction picker (a Radix Popover) likewise loads on the first press of "Add reaction".
const loadPicker = () => import('./emoji-picker');
const EmojiPicker = lazy(() => loadPicker().then((m) => ({ default: m.EmojiPicker })));

/** "Add reaction": the picker's trigger, and its stand-in until the picker has loaded. */
const ReactionButton = forwardRef<HTMLButtonElement, ComponentProps<'button'>>(
  function ReactionButton(props, ref) {
    return (
      <button
        ref={ref}
        type="button"
        aria-label="Add reaction"
        title="Add reaction"
        aria-haspopup="dialog"
        {...props}
      >
        <SmilePlus aria-hidden size={18} />
      </button>
    );
  },
);

/** "⋯" and the message's menu: the plain button until the menu is first opened. */
function MenuSlot({ message, actions, open, onOpenChange }: MessageChoicesProps) {
  const mounted = useOpenedOnce(open);
  const standIn = (
    <MoreButton
      aria-haspopup="menu"
      aria-expanded={open}
      onClick={() => onOpenChange(true)}
      onPointerEnter={prefetchMenu}
      onFocus={prefetchMenu}
    />
  );
  if (!mounted) return standIn;
  return (
    <Suspense fallback={standIn}>
      <MessageMenu
        message={message}
        actions={actions}
        open={open}
        onOpenChange={onOpenChange}
        trigger={<MoreButton />}
      />
    </Suspense>
  );
}

/**
 * The toolbar over a message: with a mouse (on hover) or the keyboard (on focus) the frequent
 * actions and "⋯" for the menu; on a touch screen only "⋯", always visible, for the sheet.
 */
export function Toolbar({
  message,
  mine,
  composerId,
  touch,
  menuOpen,
  setMenuOpen,
  actions,
  openSheet,
  confirmDelete,
  more,
}: {
  message: MessageWire;
  mine: boolean;
  /** The composer that replies and edits: the thread's for a thread's messages. */
  composerId: string;
  touch: boolean;
  menuOpen: boolean;
  setMenuOpen: (open: boolean) => void;
  actions: MessageAction[];
  openSheet: () => void;
  confirmDelete: () => void;
  /** Other features' buttons (Reply in thread, Pin), before the menu. */
  more?: ReactNode;
}) {
  const composer = useComposerStore.getState();
  const btn =
    'inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg';
  return (
    <div
      role="toolbar"
      aria-label="Message actions"
      className={cn(
        'absolute -top-3 right-3 gap-0.5 rounded-lg border border-border bg-bg p-0.5 shadow-sm',
        // A mouse shows it on hover, the keyboard on focus; a touch screen always shows "⋯".
        touch || menuOpen ? 'flex' : 'hidden group-hover:flex group-focus-within:flex',
      )}
    >
      {touch ? (
        <MoreButton onClick={openSheet} />
      ) : (
        <>
          <OnDemand
            load={loadPicker}
            standIn={(props) => <ReactionButton className={btn} {...props} />}
          >
            <EmojiPicker
              defaultOpen
              onPick={(emoji) => react(message, emoji, true)}
              trigger={<ReactionButton className={btn} />}
            />
          </OnDemand>
          <button
            type="button"
            aria-label="Reply"
            title="Reply"
            className={btn}
            onClick={() => composer.setReplyTo(composerId, message)}
          >
            <Reply aria-hidden size={18} />
          </button>
          {mine ? (
            <button
              type="button"
              aria-label="Edit message"
              title="Edit message"
              className={btn}
              onClick={() => composer.setEditing(composerId, message)}
            >
              <Pencil aria-hidden size={18} />
            </button>
          ) : null}
          {mine ? (
            <button
              type="button"
              aria-label="Delete message"
              title="Delete message"
              className={btn}
              onClick={confirmDelete}
            >
              <Trash2 aria-hidden size={18} />
            </button>
          ) : null}
          {more}
          <MenuSlot
            message={message}
            actions={actions}
            open={menuOpen}
            onOpenChange={setMenuOpen}
          />
        </>
      )}
    </div>
  );
}

export function DeleteDialog({
  message,
  open,
  onOpenChange,
}: {
  message: MessageWire;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Delete message?"
      description="Everyone in the conversation will see “This message was deleted”."
    >
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button
          variant="danger"
          onClick={() => {
            onOpenChange(false);
            chatApi
              .deleteMessage(message.id)
              .catch((e: Error) =>
                toast({ title: 'Not deleted', description: e.message, variant: 'error' }),
              );
          }}
        >
          Delete
        </Button>
      </div>
    </Dialog>
  );
}
