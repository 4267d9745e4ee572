'use client';

import { GameRecord } from '@/components/games/game-record';
import { Avatar } from '@/components/ui/avatar';
import type { MemberWire } from '@/lib/chat/wire';

const ROLE = { owner: 'Owner', admin: 'Admin', member: 'Member' } as const;

/**
 * A person's card, opened from the member list: who they are here (name, status, role) and
 * their game record and ratings.
 */
export function PersonCard({ member, isMe }: { member: MemberWire; isMe: boolean }) {
  return (
    <section
      aria-label={`Profile of ${member.name}`}
      className="mb-2 ml-10 rounded-md border border-border bg-surface-2 p-3"
    >
      <div className="flex items-center gap-3">
        <Avatar name={member.name} src={member.image} size={40} />
        <div className="min-w-0">
          <p className="truncate font-medium">
            {member.name}
            {isMe ? <span className="text-muted"> (you)</span> : null}
          </p>
          <p className="truncate text-xs text-muted">
            {[ROLE[member.role], member.statusText].filter(Boolean).join(' · ')}
          </p>
        </div>
      </div>
      <GameRecord userId={member.id} label="Game record" />
    </section>
  );
}
