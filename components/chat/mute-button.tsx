'use client';

import { Bell, BellOff } from 'lucide-react';
import { useState } from 'react';

import { ApiClientError } from '@/lib/api/client';
import { chatApi } from '@/lib/chat/client/api-client';
import type { ConversationWire } from '@/lib/chat/wire';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { toast } from '@/lib/ui/client/toast-store';

/** Mutes the conversation for me: no notifications, pushes or emails from it. */
export function MuteButton({ conversation }: { conversation: ConversationWire }) {
  const [pending, setPending] = useState(false);
  const muted = conversation.muted;

  async function toggle() {
    setPending(true);
    try {
      useConversationsStore.getState().upsert(await chatApi.setMuted(conversation.id, !muted));
      toast({
        title: muted ? 'Notifications on' : 'Muted',
        description: muted
          ? `You'll be notified about ${conversation.name} again.`
          : `No notifications from ${conversation.name} until you unmute it.`,
      });
    } catch (err) {
      toast({
        title: 'Could not change notifications',
        description: err instanceof ApiClientError ? err.message : 'Try again.',
        variant: 'error',
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <button
      type="button"
      aria-pressed={muted}
      aria-label={muted ? 'Unmute conversation' : 'Mute conversation'}
      title={muted ? 'Unmute: get notifications again' : 'Mute: no notifications from here'}
      disabled={pending}
      onClick={toggle}
      className="inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-surface-2 disabled:opacity-50"
    >
      {muted ? <BellOff aria-hidden size={20} /> : <Bell aria-hidden size={20} />}
    </button>
  );
}
