'use client';

import {
  cloneElement,
  isValidElement,
  lazy,
  Suspense,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';

import { useOpenedOnce } from './on-demand';

// Radix Dialog (focus trap, scroll lock, dismissable layer) loads when a dialog first opens, not
// with every page that has a button opening one (the chats page's first-load budget, issue #12).
const DialogContent = lazy(() =>
  import('./dialog-content').then((m) => ({ default: m.DialogContent })),
);

type TriggerProps = {
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  'aria-haspopup'?: 'dialog';
  'aria-expanded'?: boolean;
};

/**
 * A modal dialog: focus is trapped inside, Esc closes, and the title names it for screen readers.
 * Closing returns focus to the trigger, or, for a dialog opened without one (a shortcut, a menu
 * item), to whatever had focus when it opened. Open state is the caller's (`open`,
 * `onOpenChange`) or, without `open`, the dialog's own.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  trigger,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  trigger?: ReactNode;
}) {
  const [own, setOwn] = useState(false);
  const isOpen = open ?? own;
  const setOpen = (next: boolean) => {
    if (open === undefined) setOwn(next);
    onOpenChange?.(next);
  };
  const mounted = useOpenedOnce(isOpen);
  // The trigger is found in the DOM (a `display: contents` box around it), so any element works
  // as one without forwarding a ref.
  const triggerBox = useRef<HTMLSpanElement>(null);
  const returnFocus = () =>
    trigger ? ((triggerBox.current?.firstElementChild as HTMLElement | null) ?? null) : null;

  return (
    <>
      {isValidElement<TriggerProps>(trigger) ? (
        <span ref={triggerBox} className="contents">
          {cloneElement(trigger, {
            'aria-haspopup': 'dialog',
            'aria-expanded': isOpen,
            onClick: (event: MouseEvent<HTMLElement>) => {
              trigger.props.onClick?.(event);
              if (!event.defaultPrevented) setOpen(true);
            },
          })}
        </span>
      ) : null}
      {mounted ? (
        <Suspense fallback={null}>
          <DialogContent
            open={isOpen}
            onOpenChange={setOpen}
            title={title}
            description={description}
            returnFocus={returnFocus}
          >
            {children}
          </DialogContent>
        </Suspense>
      ) : null}
    </>
  );
}
