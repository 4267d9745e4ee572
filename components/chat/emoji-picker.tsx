'use client';

import * as Popover from '@radix-ui/react-popover';
import type { ReactNode } from 'react';

/** The reactions people reach for most; kept local (no emoji data downloaded at run time). */
export const EMOJI: readonly { emoji: string; name: string }[] = [
  { emoji: '👍', name: 'thumbs up' },
  { emoji: '❤️', name: 'heart' },
  { emoji: '😂', name: 'laughing' },
  { emoji: '😮', name: 'surprised' },
  { emoji: '😢', name: 'sad' },
  { emoji: '🎉', name: 'party' },
  { emoji: '🙏', name: 'thank you' },
  { emoji: '👀', name: 'eyes' },
  { emoji: '🔥', name: 'fire' },
  { emoji: '✅', name: 'done' },
  { emoji: '👎', name: 'thumbs down' },
  { emoji: '🤔', name: 'thinking' },
  { emoji: '😊', name: 'smile' },
  { emoji: '😍', name: 'heart eyes' },
  { emoji: '🙌', name: 'raised hands' },
  { emoji: '👏', name: 'clap' },
  { emoji: '💯', name: 'hundred' },
  { emoji: '🚀', name: 'rocket' },
  { emoji: '👋', name: 'wave' },
  { emoji: '😅', name: 'sweat smile' },
  { emoji: '🤝', name: 'handshake' },
  { emoji: '💡', name: 'idea' },
  { emoji: '⭐', name: 'star' },
  { emoji: '☕', name: 'coffee' },
];

/** A popover grid of emoji; arrow keys move between them because they are plain buttons in order. */
export function EmojiPicker({
  trigger,
  onPick,
}: {
  trigger: ReactNode;
  onPick: (emoji: string) => void;
}) {
  return (
    <Popover.Root>
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          aria-label="Pick a reaction"
          sideOffset={4}
          className="z-50 grid grid-cols-8 gap-1 rounded-lg border border-border bg-bg p-2 shadow-lg"
        >
          {EMOJI.map((e) => (
            <Popover.Close asChild key={e.emoji}>
              <button
                type="button"
                aria-label={`React with ${e.name}`}
                title={e.name}
                onClick={() => onPick(e.emoji)}
                className="rounded p-1 text-xl hover:bg-surface-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
              >
                {e.emoji}
              </button>
            </Popover.Close>
          ))}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
