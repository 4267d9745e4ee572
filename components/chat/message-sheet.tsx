'use client';

import { cn } from '@/components/ui/cn';
import { Sheet } from '@/components/ui/sheet';

import { QUICK_REACTIONS, react, type MessageChoicesProps } from './message-actions';

/** The same choices as a bottom sheet, for a long press or the "⋯" button on touch screens. */
export function MessageSheet({ message, actions, open, onOpenChange }: MessageChoicesProps) {
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
