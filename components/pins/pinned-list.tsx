'use client';

import { Pin } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { shortTime } from '@/lib/chat/describe';
import { plainPreview } from '@/lib/chat/plain-text';
import type { ConversationWire } from '@/lib/chat/wire';
import { loadPins, usePinsStore } from '@/lib/pins/client/pins-store';

/** "Pinned" in the conversation header: the pinned messages; choosing one jumps to it. */
export function PinnedList({ conversation }: { conversation: ConversationWire }) {
  const pins = usePinsStore((s) => s.byConversation[conversation.id]?.pins);
  const [open, setOpen] = useState(false);
  const router = useRouter();
  useEffect(() => {
    void loadPins(conversation.id).catch(() => undefined);
  }, [conversation.id]);
  const nameOf = (id: string | null) =>
    conversation.members.find((m) => m.id === id)?.name ?? 'Someone';
  const count = pins?.length ?? 0;

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Pinned messages"
      description={count ? undefined : 'Nothing is pinned here yet. Pin a message from its menu.'}
      trigger={
        <Button size="sm" variant="ghost" title="Pinned messages">
          <Pin aria-hidden size={16} />
          {/* Named by its text ("Pinned (2)"); the count is what shows. */}
          <span className="sr-only">Pinned ({count})</span>
          <span aria-hidden className="ml-1 text-xs">
            {count}
          </span>
        </Button>
      }
    >
      <ul aria-label="Pinned messages" className="mt-3 max-h-[60vh] space-y-1 overflow-y-auto">
        {(pins ?? []).map((p) => (
          <li key={p.message.id}>
            <button
              type="button"
              className="w-full rounded-md px-2 py-1.5 text-left hover:bg-surface-2"
              onClick={() => {
                setOpen(false);
                router.push(`/chats/${conversation.id}?message=${p.message.id}`);
              }}
            >
              <span className="block text-xs text-muted">
                {nameOf(p.message.authorId)} · {shortTime(p.message.createdAt)}
              </span>
              <span className="block truncate text-sm">{plainPreview(p.message)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
