'use client';

import { Pin } from 'lucide-react';
import { useMemo } from 'react';

import type { MessageAction } from '@/components/chat/message-actions';
import type { MessageWire } from '@/lib/chat/wire';
import { setPinned, usePinsStore } from '@/lib/pins/client/pins-store';
import { toast } from '@/lib/ui/client/toast-store';

/**
 * Whether this person may pin or unpin the message (anyone in a DM; see lib/pins/rules), and
 * whether it is pinned: null when the action is not offered.
 */
function usePinState(message: MessageWire | null, conversationId: string, mine: boolean) {
  const pinned = usePinsStore(
    (s) =>
      s.byConversation[conversationId]?.pins.some((p) => p.message.id === message?.id) ?? false,
  );
  const canPinAny = usePinsStore((s) => s.byConversation[conversationId]?.canPinAny ?? false);
  if (!message || message.kind !== 'user' || !(canPinAny || mine)) return null;
  return {
    pinned,
    label: pinned ? 'Unpin' : 'Pin',
    run: () => toggle(conversationId, message.id, pinned),
  };
}

function toggle(conversationId: string, messageId: string, pinned: boolean) {
  void setPinned(conversationId, messageId, !pinned).catch((e: Error) =>
    toast({
      title: `${pinned ? 'Unpin' : 'Pin'} failed`,
      description: e.message,
      variant: 'error',
    }),
  );
}

/** "Pin" / "Unpin" in the toolbar over a message. */
export function PinAction({
  message,
  conversationId,
  mine,
}: {
  message: MessageWire;
  conversationId: string;
  mine: boolean;
}) {
  const state = usePinState(message, conversationId, mine);
  if (!state) return null;
  return (
    <button
      type="button"
      aria-label={state.label}
      title={state.label}
      className="inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring"
      onClick={state.run}
    >
      {/* One icon for both (its name says which): every icon counts in the first load. */}
      <Pin aria-hidden size={18} className={state.pinned ? 'fill-current' : undefined} />
    </button>
  );
}

/** The same, for the message menu and the touch sheet (an `extra` of messageActions). */
export function usePinMenuAction(
  message: MessageWire | null,
  conversationId: string,
  mine: boolean,
): MessageAction | null {
  const state = usePinState(message, conversationId, mine);
  const offered = state !== null;
  const pinned = state?.pinned ?? false;
  // The same object while nothing changes: the row's action list is memoized on it.
  return useMemo(
    () =>
      offered && message
        ? {
            id: 'pin',
            label: pinned ? 'Unpin' : 'Pin',
            icon: Pin,
            run: () => toggle(conversationId, message.id, pinned),
          }
        : null,
    [offered, pinned, message, conversationId],
  );
}

/** A small "Pinned" mark on a pinned message. */
export function PinnedMark({ message }: { message: MessageWire }) {
  const pinned = usePinsStore(
    (s) =>
      s.byConversation[message.conversationId]?.pins.some((p) => p.message.id === message.id) ??
      false,
  );
  return pinned ? (
    <p className="mt-0.5 flex items-center gap-1 text-xs text-muted">
      <Pin aria-hidden size={12} /> Pinned
    </p>
  ) : null;
}
