'use client';

import { Menu as MenuIcon } from 'lucide-react';
import { forwardRef, type ComponentProps } from 'react';

/** The header's "Menu" button at phone width. */
export const AppMenuButton = forwardRef<HTMLButtonElement, ComponentProps<'button'>>(
  function AppMenuButton(props, ref) {
    return (
      <button
        ref={ref}
        type="button"
        aria-label="Menu"
        aria-haspopup="menu"
        {...props}
        className="inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-surface-2"
      >
        <MenuIcon aria-hidden size={20} />
      </button>
    );
  },
);
