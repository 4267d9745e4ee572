'use client';

import { MoreHorizontal } from 'lucide-react';
import { forwardRef, type ComponentProps } from 'react';

import { cn } from '@/components/ui/cn';

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
