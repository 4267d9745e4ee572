'use client';

import { Dialog } from '@/components/ui/dialog';

const mod =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Every shortcut the app has, in one place ("?" or Ctrl+/ opens it). */
export const SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: [`${mod}+K`], what: 'Quick switcher: find a conversation or person' },
  { keys: ['Alt+↑', 'Alt+↓'], what: 'Previous or next conversation' },
  { keys: ['Alt+Shift+↑', 'Alt+Shift+↓'], what: 'Previous or next unread conversation' },
  {
    keys: ['Esc'],
    what: 'Mark the open conversation read; from the messages, back to the composer',
  },
  { keys: ['↑', '↓'], what: 'In the messages: move between messages' },
  { keys: ['Enter'], what: 'On a message: open its menu (react, reply, edit, copy, delete)' },
  { keys: ['↑'], what: 'In an empty composer: edit your last message' },
  { keys: ['Enter'], what: 'In the composer: send (Shift+Enter for a new line)' },
  { keys: ['?', `${mod}+/`], what: 'This list' },
];

export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts">
      <table className="w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s, i) => (
            <tr key={i} className="border-t border-border first:border-0">
              <td className="whitespace-nowrap py-1.5 pr-3 align-top">
                {s.keys.map((k, j) => (
                  <span key={k}>
                    {j > 0 ? <span className="text-muted"> / </span> : null}
                    <kbd className="rounded border border-border bg-surface px-1.5 py-0.5 font-mono text-xs">
                      {k}
                    </kbd>
                  </span>
                ))}
              </td>
              <td className="py-1.5 text-muted">{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
