'use client';

import * as RadixMenu from '@radix-ui/react-dropdown-menu';

import { Menu, MenuItem, MenuSeparator } from '@/components/ui/menu';
import type { MessageWire } from '@/lib/chat/wire';

import { QUICK_REACTIONS, react, type MessageAction } from './message-actions';

/*
 * The dropdown (Radix Menu) is loaded when a message's menu is first opened (message-toolbar.tsx),
 * not with the conversation; the "⋯" button is more-button.tsx and the touch sheet
 * message-sheet.tsx.
 */

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
