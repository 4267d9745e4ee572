'use client';

import * as RadixSelect from '@radix-ui/react-select';
import { Check, ChevronDown } from 'lucide-react';
import { useId } from 'react';

import { cn } from './cn';
import { floatingSurface } from './menu';

export type SelectOption = { value: string; label: string };

/**
 * A labelled single choice (role `combobox` with a `listbox`). Radix Select cannot hold an empty
 * value, so "nothing to pick" is the disabled state with `placeholder` shown.
 */
export function Select({
  label,
  options,
  value,
  onValueChange,
  placeholder = 'None available',
  className,
  tone = 'default',
}: {
  label: string;
  options: SelectOption[];
  value: string | null;
  onValueChange: (value: string) => void;
  placeholder?: string;
  className?: string;
  /** `dark`: on the call screen, which is dark in both themes. */
  tone?: 'default' | 'dark';
}) {
  const id = useId();
  return (
    <div className={cn('flex items-center gap-1.5 text-xs', className)}>
      <label htmlFor={id} className={tone === 'dark' ? 'text-neutral-300' : 'text-muted'}>
        {label}
      </label>
      <RadixSelect.Root
        value={value ?? undefined}
        onValueChange={onValueChange}
        disabled={options.length === 0}
      >
        <RadixSelect.Trigger
          id={id}
          className={cn(
            'inline-flex h-8 min-w-0 max-w-40 items-center justify-between gap-1 rounded-[var(--radius-control)] border px-2 text-xs disabled:opacity-60',
            tone === 'dark'
              ? 'border-neutral-600 bg-neutral-800 text-white'
              : 'border-border bg-bg text-fg',
          )}
        >
          <span className="truncate">
            <RadixSelect.Value placeholder={placeholder} />
          </span>
          <RadixSelect.Icon>
            <ChevronDown aria-hidden size={14} />
          </RadixSelect.Icon>
        </RadixSelect.Trigger>
        <RadixSelect.Portal>
          <RadixSelect.Content
            position="popper"
            sideOffset={4}
            className={cn(floatingSurface, 'max-w-[calc(100vw-1rem)] p-1')}
          >
            <RadixSelect.Viewport>
              {options.map((o) => (
                <RadixSelect.Item
                  key={o.value}
                  value={o.value}
                  className="flex min-h-8 cursor-default select-none items-center gap-2 rounded-md px-2 text-sm outline-none data-[highlighted]:bg-surface-2"
                >
                  <RadixSelect.ItemIndicator>
                    <Check aria-hidden size={14} />
                  </RadixSelect.ItemIndicator>
                  <RadixSelect.ItemText>{o.label}</RadixSelect.ItemText>
                </RadixSelect.Item>
              ))}
            </RadixSelect.Viewport>
          </RadixSelect.Content>
        </RadixSelect.Portal>
      </RadixSelect.Root>
    </div>
  );
}
