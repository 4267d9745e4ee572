'use client';

import { setPinned, usePinsStore } from '@/lib/pins/client/pins-store';
import type { MessageWire } from '@/lib/chat/wire';
import { toast } from '@/lib/ui/client/toast-store';

/** "Pin" / "Unpin" in the message menu, for whoever may (anyone in a DM; see lib/pins/rules). */
export function PinAction({
  message,
  conversationId,
  mine,
}: {
  message: MessageWire;
  conversationId: string;
  mine: boolean;
}) {
  const pinned = usePinsStore(
    (s) => s.byConversation[conversationId]?.pins.some((p) => p.message.id === message.id) ?? false,
  );
  const canPinAny = usePinsStore((s) => s.byConversation[conversationId]?.canPinAny ?? false);
  if (message.kind !== 'user' || !(canPinAny || mine)) return null;
  const label = pinned ? 'Unpin' : 'Pin';
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className="rounded px-1.5 py-0.5 text-sm hover:bg-surface-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
      onClick={() =>
        void setPinned(conversationId, message.id, !pinned).catch((e: Error) =>
          toast({ title: `${label} failed`, description: e.message, variant: 'error' }),
        )
      }
    >
      📌
    </button>
  );
}

/** A small "Pinned" mark on a pinned message. */
export function PinnedMark({ message }: { message: MessageWire }) {
  const pinned = usePinsStore(
    (s) =>
      s.byConversation[message.conversationId]?.pins.some((p) => p.message.id === message.id) ??
      false,
  );
  return pinned ? <p className="mt-0.5 text-xs text-muted">📌 Pinned</p> : null;
}
