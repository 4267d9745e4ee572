'use client';

import type { ComponentProps } from 'react';

/** The header's "Conversation details" button (the panel's trigger and its stand-in). */
export function DetailsButton(props: ComponentProps<'button'>) {
  return (
    <button
      type="button"
      aria-label="Conversation details"
      title="Members, settings and shared images"
      {...props}
      className="inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-surface-2"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor">
        <circle cx="12" cy="12" r="9" strokeWidth="1.8" />
        <path strokeWidth="1.8" strokeLinecap="round" d="M12 11v5M12 8h.01" />
      </svg>
    </button>
  );
}
