'use client';

import { Avatar } from '@/components/ui/avatar';
import { isAssistant } from '@/lib/assistant/identity';
import type { ConversationWire } from '@/lib/chat/wire';

import { PresenceDot } from './presence-dot';

/** A direct conversation shows the other person (with presence); a group its name's initials. */
export function ConversationAvatar({
  conversation,
  meId,
  size = 40,
}: {
  conversation: ConversationWire;
  meId: string;
  size?: number;
}) {
  const other =
    conversation.kind === 'direct' ? conversation.members.find((m) => m.id !== meId) : undefined;
  return (
    <span className="relative inline-flex">
      <Avatar name={conversation.name} src={other?.image ?? null} size={size} />
      {/* Parley AI is neither online nor offline: no dot. */}
      {other && !isAssistant(other.id) ? (
        <PresenceDot userId={other.id} className="absolute -bottom-0.5 -right-0.5" />
      ) : null}
    </span>
  );
}
