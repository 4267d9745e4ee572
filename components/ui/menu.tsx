'use client';

import * as RadixMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useRef, type ComponentProps, type ReactNode } from 'react';

import { cn } from './cn';

/** Surfaces shared by menus and popovers: the same border, radius, shadow and entry animation. */
export const floatingSurface =
  'z-50 rounded-[var(--radius-card)] border border-border bg-bg text-fg shadow-[var(--shadow-pop)] animate-pop-in';

/**
 * A menu of actions opened from a trigger (Radix: arrow keys move, type-ahead, Esc closes and
 * focus returns to the trigger). Items are `menuitem`s, so people and tests find them by name.
 */
export function Menu({
  trigger,
  label,
  children,
  open,
  onOpenChange,
  align = 'end',
  modal,
  onCloseAutoFocus,
  focusFirstItem,
}: {
  trigger: ReactNode;
  label: string;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  align?: 'start' | 'center' | 'end';
  modal?: boolean;
  /** Where focus goes when the menu closes (default: back to the trigger). */
  onCloseAutoFocus?: (event: Event) => void;
  /** Focus the first item on open (a menu opened by a shortcut rather than by its trigger). */
  focusFirstItem?: boolean;
}) {
  const content = useRef<HTMLDivElement>(null);
  // Radix focuses the menu itself when it is opened other than from its trigger; a shortcut
  // (Enter on a message) wants the first item, as a trigger's keyboard open gives.
  useEffect(() => {
    if (!open || !focusFirstItem) return;
    const frame = requestAnimationFrame(() =>
      content.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [open, focusFirstItem]);
  return (
    <RadixMenu.Root open={open} onOpenChange={onOpenChange} modal={modal}>
      <RadixMenu.Trigger asChild>{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content
          aria-label={label}
          // Radix names the menu after its trigger; `label` says what the menu is instead.
          aria-labelledby={undefined}
          align={align}
          sideOffset={6}
          collisionPadding={8}
          onCloseAutoFocus={onCloseAutoFocus}
          ref={content}
          className={cn(floatingSurface, 'min-w-48 max-w-[calc(100vw-1rem)] p-1')}
        >
          {children}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}

export function MenuItem({
  icon,
  children,
  danger,
  className,
  ...props
}: ComponentProps<typeof RadixMenu.Item> & { icon?: ReactNode; danger?: boolean }) {
  return (
    <RadixMenu.Item
      {...props}
      className={cn(
        'flex min-h-9 cursor-default select-none items-center gap-2.5 rounded-md px-2.5 text-sm outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-surface-2',
        danger && 'text-danger',
        className,
      )}
    >
      {icon ? (
        <span aria-hidden className="flex w-4 shrink-0 justify-center text-muted">
          {icon}
        </span>
      ) : null}
      {children}
    </RadixMenu.Item>
  );
}

export function MenuSeparator() {
  return <RadixMenu.Separator className="my-1 h-px bg-border" />;
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <RadixMenu.Label className="px-2.5 py-1 text-xs text-muted">{children}</RadixMenu.Label>;
}
