'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { ApiClientError } from '@/lib/api/client';
import { chatApi } from '@/lib/chat/client/api-client';
import { groupNameSchema } from '@/lib/chat/schemas';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';

import { usePeopleSearch, type PersonResult } from './use-people-search';

/** Name + people → a new group. */
export function NewGroupDialog({ defaultOpen = false }: { defaultOpen?: boolean }) {
  // Open at once when mounted by the sidebar's stand-in (ui/on-demand) on its first press.
  const [open, setOpen] = useState(defaultOpen);
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<PersonResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  const search = usePeopleSearch(query, open);

  function toggle(person: PersonResult) {
    setPicked((p) =>
      p.some((x) => x.id === person.id) ? p.filter((x) => x.id !== person.id) : [...p, person],
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsedName = groupNameSchema.safeParse(name);
    if (!parsedName.success) return setError(parsedName.error.issues[0]?.message ?? 'Invalid name');
    if (picked.length === 0) return setError('Add at least one person');
    setBusy(true);
    try {
      const conversation = await chatApi.createGroup(
        parsedName.data,
        picked.map((p) => p.id),
      );
      useConversationsStore.getState().upsert(conversation);
      setOpen(false);
      router.push(`/chats/${conversation.id}`);
    } catch (err) {
      setError(err instanceof ApiClientError ? err.message : 'Could not create the group.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setName('');
        setQuery('');
        setPicked([]);
        setError(null);
      }}
      title="New group"
      description="Name the group and add people."
      trigger={
        <Button size="sm" variant="secondary">
          New group
        </Button>
      }
    >
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-3">
        <Input
          label="Group name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />
        <Input label="Add people" value={query} onChange={(e) => setQuery(e.target.value)} />
        <ul aria-label="People" className="max-h-56 overflow-y-auto">
          {search.results.map((p) => (
            <li key={p.id}>
              <label className="flex cursor-pointer items-center gap-3 rounded px-2 py-1.5 hover:bg-surface-2">
                <input
                  type="checkbox"
                  checked={picked.some((x) => x.id === p.id)}
                  onChange={() => toggle(p)}
                />
                <Avatar name={p.name} src={p.image} size={28} />
                <span>{p.name}</span>
              </label>
            </li>
          ))}
        </ul>
        {picked.length > 0 ? (
          <p className="text-sm text-muted">Adding: {picked.map((p) => p.name).join(', ')}</p>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={busy}>
          Create group
        </Button>
      </form>
    </Dialog>
  );
}
