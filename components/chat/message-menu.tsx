'use client';

import * as RadixMenu from '@radix-ui/react-dropdown-menu';
import { MoreHorizontal } from 'lucide-react';
import { forwardRef, type ComponentProps } from 'react';

import { cn } from '@/components/ui/cn';
import { Menu, MenuItem, MenuSeparator } from '@/components/ui/menu';
import { Sheet } from '@/components/ui/sheet';
import type { MessageWire } from '@/lib/chat/wire';

import { QUICK_REACTIONS, react, type MessageAction } from './message-actions';

/** The "⋯" button: on the hover toolbar with a mouse, always visible on touch screens. */
export const MoreButton = forwardRef<HTMLButtonElement, ComponentProps<'button'>>(
  function MoreButton({ className, ...props }, ref) {
    return (
      <button
        ref={ref}
        type="button"
        aria-label="More actions"
        title="More actions"
        {...props}
        className={cn(
          'inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg',
          className,
        )}
      >
        <MoreHorizontal aria-hidden size={18} />
      </button>
    );
  },
);

/** Whether this device's main pointer is a finger (the touch sheet instead of the menu). */
export function isTouchDevice(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(hover: none)').matches;
}

/** The message's menu for mouse and keyboard: quick reactions, then the actions list. */
export function MessageMenu({
  message,
  actions,
  open,
  onOpenChange,
  trigger,
}: {
  message: MessageWire;
  actions: MessageAction[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: React.ReactNode;
}) {
  return (
    <Menu
      label="Message actions"
      open={open}
      onOpenChange={onOpenChange}
      trigger={trigger}
      focusFirstItem
      onCloseAutoFocus={(event) => {
        // Back to the message itself, so Up/Down carry on from it (unless an action, such as
        // Reply or Edit, moved focus to the composer already).
        const row = document.querySelector<HTMLElement>(
          `[role="article"][data-message-id="${CSS.escape(message.id)}"]`,
        );
        const active = document.activeElement;
        event.preventDefault();
        if (row && (!active || active === document.body || row.contains(active))) row.focus();
      }}
    >
      <RadixMenu.Group aria-label="Quick reactions" className="flex gap-0.5 px-1 pb-1">
        {QUICK_REACTIONS.map((r) => (
          <RadixMenu.Item
            key={r.emoji}
            aria-label={`React with ${r.name}`}
            onSelect={() => react(message, r.emoji, true)}
            className="flex h-9 w-9 cursor-default items-center justify-center rounded-md text-lg outline-none data-[highlighted]:bg-surface-2"
          >
            {r.emoji}
          </RadixMenu.Item>
        ))}
      </RadixMenu.Group>
      <MenuSeparator />
      {actions.map((a) => (
        <MenuItem key={a.id} icon={<a.icon size={16} />} danger={a.danger} onSelect={a.run}>
          {a.label}
        </MenuItem>
      ))}
    </Menu>
  );
}

/** The same choices as a bottom sheet, for a long press or the "⋯" button on touch screens. */
export function MessageSheet({
  message,
  actions,
  open,
  onOpenChange,
}: {
  message: MessageWire;
  actions: MessageAction[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const pick = (run: () => void) => {
    onOpenChange(false);
    run();
  };
  return (
    <Sheet open={open} onOpenChange={onOpenChange} title="Message actions">
      <ul aria-label="Quick reactions" className="flex justify-between gap-1 pb-2">
        {QUICK_REACTIONS.map((r) => (
          <li key={r.emoji}>
            <button
              type="button"
              aria-label={`React with ${r.name}`}
              onClick={() => pick(() => react(message, r.emoji, true))}
              className="flex h-12 w-12 items-center justify-center rounded-full bg-surface text-2xl"
            >
              {r.emoji}
            </button>
          </li>
        ))}
      </ul>
      <ul aria-label="Actions" className="border-t border-border pt-1">
        {actions.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              onClick={() => pick(a.run)}
              className={cn(
                'flex min-h-12 w-full items-center gap-3 rounded-lg px-3 text-left text-base hover:bg-surface-2',
                a.danger && 'text-danger',
              )}
            >
              <a.icon aria-hidden size={20} className={a.danger ? undefined : 'text-muted'} />
              {a.label}
            </button>
          </li>
        ))}
      </ul>
    </Sheet>
  );
}
