'use client';

import type { ReactNode } from 'react';

import { cn } from './cn';

/**
 * A styled file input: the native input stays in the page (visually hidden, still focusable and
 * labelled, so screen readers, keyboards and tests use it as a file input) and the label draws
 * the button. The ring shows when the hidden input has keyboard focus.
 */
export function FilePicker({
  label,
  accept,
  multiple,
  onFiles,
  children,
  className,
  showLabel = true,
  disabled,
}: {
  label: string;
  accept?: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
  /** The button's face: an icon, and the label when `showLabel`. */
  children?: ReactNode;
  className?: string;
  showLabel?: boolean;
  disabled?: boolean;
}) {
  return (
    <label
      title={label}
      className={cn(
        'inline-flex cursor-pointer items-center gap-2 rounded-[var(--radius-control)] text-sm font-medium hover:bg-surface-2 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50',
        className,
      )}
    >
      {children}
      <span className={showLabel ? undefined : 'sr-only'}>{label}</span>
      <input
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        className="sr-only"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          // The same file picked twice in a row still fires change.
          e.target.value = '';
        }}
      />
    </label>
  );
}
