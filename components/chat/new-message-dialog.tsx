'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { chatApi } from '@/lib/chat/client/api-client';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';

import { AiBadge } from './ai-badge';
import { usePeopleSearch } from './use-people-search';

/** Find a person → their direct conversation (the existing one if there is one). */
export function NewMessageDialog({ defaultOpen = false }: { defaultOpen?: boolean }) {
  // Open at once when mounted by the sidebar's stand-in (ui/on-demand) on its first press.
  const [open, setOpen] = useState(defaultOpen);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const search = usePeopleSearch(query, open);

  async function start(userId: string) {
    try {
      const conversation = await chatApi.createDirect(userId);
      useConversationsStore.getState().upsert(conversation);
      setOpen(false);
      router.push(`/chats/${conversation.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not start the conversation.');
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setQuery('');
        setError(null);
      }}
      title="New message"
      description="Find a person to message."
      trigger={<Button size="sm">New message</Button>}
    >
      <Input
        label="Find a person"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoFocus
      />
      {error || search.error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error ?? search.error}
        </p>
      ) : null}
      <ul aria-label="People" className="mt-3 max-h-72 overflow-y-auto">
        {search.results.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              onClick={() => void start(p.id)}
              className="flex w-full items-center gap-3 rounded px-2 py-2 text-left hover:bg-surface-2"
            >
              <Avatar name={p.name} src={p.image} size={32} />
              <span>{p.name}</span>
              <AiBadge userId={p.id} />
            </button>
          </li>
        ))}
      </ul>
      {!search.loading && search.results.length === 0 ? (
        <p className="mt-2 text-sm text-muted">
          Nobody found. Try another name, or their full email address.
        </p>
      ) : null}
    </Dialog>
  );
}
