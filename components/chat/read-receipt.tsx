'use client';

import { Tooltip } from '@/components/ui/tooltip';

/** "Seen" in a direct conversation; "Seen by N" in a group, with the names on hover or focus. */
export function ReadReceipt({ kind, names }: { kind: 'direct' | 'group'; names: string[] }) {
  if (names.length === 0) return null;
  if (kind === 'direct') return <p className="px-4 text-right text-xs text-muted">Seen</p>;
  const label = `Seen by ${names.length}`;
  return (
    <div className="px-4 text-right">
      <Tooltip content={names.join(', ')} delay={200}>
        <button
          type="button"
          className="text-xs text-muted underline decoration-dotted"
          aria-label={`${label}: ${names.join(', ')}`}
        >
          {label}
        </button>
      </Tooltip>
    </div>
  );
}

/** Which of my messages carries the receipt, and who has read it. */
export function receiptFor(
  messages: readonly { id: string; seq: number; authorId: string | null }[],
  members: readonly { id: string; name: string; lastReadSeq: number }[],
  meId: string,
  kind: 'direct' | 'group',
): { messageId: string; names: string[] } | null {
  const others = members.filter((m) => m.id !== meId);
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.authorId !== meId) continue;
    const readers = others.filter((o) => o.lastReadSeq >= m.seq).map((o) => o.name);
    // In a group the receipt sits under my newest message; in a DM under the newest one read.
    if (kind === 'group') return { messageId: m.id, names: readers };
    if (readers.length > 0) return { messageId: m.id, names: readers };
  }
  return null;
}
