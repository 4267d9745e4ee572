'use client';

import * as Popover from '@radix-ui/react-popover';
import dynamic from 'next/dynamic';
import { useState, type ReactNode } from 'react';

import { parseRecent, pushRecent, RECENT_EMOJI_KEY } from '@/lib/chat/emoji-search';

/** The reactions people reach for most, shown at once (no emoji data needed for them). */
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
];

// The full set and its search: a separate chunk, fetched when a picker first opens.
const EmojiSearchPanel = dynamic(() => import('./emoji-search-panel'), {
  ssr: false,
  loading: () => <p className="mt-2 text-sm text-muted">Loading emoji…</p>,
});

function readRecent(): string[] {
  try {
    return parseRecent(window.localStorage.getItem(RECENT_EMOJI_KEY));
  } catch {
    return [];
  }
}

function rememberRecent(emoji: string) {
  try {
    const next = pushRecent(readRecent(), emoji);
    window.localStorage.setItem(RECENT_EMOJI_KEY, JSON.stringify(next));
  } catch {
    // Storage blocked: the list just does not remember.
  }
}

const cell =
  'rounded p-1 text-xl hover:bg-surface-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring';

/**
 * A popover with recently used emoji first (message-toolbar.tsx loads this module on the first
 * press of "Add reaction"), the usual reactions, and the whole Unicode set with
 * a search field (lazy). Buttons in order, so Tab and arrow keys move through them.
 */
export function EmojiPicker({
  trigger,
  onPick,
  defaultOpen = false,
}: {
  trigger: ReactNode;
  onPick: (emoji: string) => void;
  /** Open at once: the toolbar mounts the picker on the first press of its stand-in. */
  defaultOpen?: boolean;
}) {
  const [recent, setRecent] = useState<string[]>(() => (defaultOpen ? readRecent() : []));
  const [open, setOpen] = useState(defaultOpen);
  const pick = (emoji: string) => {
    rememberRecent(emoji);
    setOpen(false);
    onPick(emoji);
  };
  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        if (next) setRecent(readRecent());
        setOpen(next);
      }}
    >
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          aria-label="Pick a reaction"
          sideOffset={4}
          className="z-50 w-80 max-w-[calc(100vw-1rem)] rounded-lg border border-border bg-bg p-2 shadow-lg"
        >
          {recent.length > 0 ? (
            <>
              <p className="mb-1 text-xs text-muted">Recently used</p>
              <ul aria-label="Recently used" className="mb-2 grid grid-cols-8 gap-1">
                {recent.map((emoji) => (
                  <li key={emoji}>
                    <button
                      type="button"
                      aria-label={`React with ${emoji} again`}
                      onClick={() => pick(emoji)}
                      className={cell}
                    >
                      {emoji}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="grid grid-cols-8 gap-1">
            {EMOJI.map((e) => (
              <button
                key={e.emoji}
                type="button"
                aria-label={`React with ${e.name}`}
                title={e.name}
                onClick={() => pick(e.emoji)}
                className={cell}
              >
                {e.emoji}
              </button>
            ))}
          </div>
          <EmojiSearchPanel onPick={pick} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
