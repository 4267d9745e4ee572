'use client';

import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/components/ui/cn';
import type { MemberWire } from '@/lib/chat/wire';

/** The @mention suggestions above the composer; arrows move, Enter or Tab picks. */
export function MentionList({
  members,
  active,
  onPick,
}: {
  members: MemberWire[];
  active: number;
  onPick: (name: string) => void;
}) {
  return (
    <ul
      role="listbox"
      aria-label="Mention suggestions"
      className="absolute bottom-full left-10 mb-2 w-64 rounded-md border border-border bg-bg p-1 shadow-lg"
    >
      {members.map((m, i) => (
        <li
          key={m.id}
          role="option"
          aria-selected={i === active}
          onMouseDown={(e) => {
            e.preventDefault(); // keep focus in the composer
            onPick(m.name);
          }}
          className={cn(
            'flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm',
            i === active && 'bg-surface-2',
          )}
        >
          <Avatar name={m.name} src={m.image} size={22} />
          {m.name}
        </li>
      ))}
    </ul>
  );
}
