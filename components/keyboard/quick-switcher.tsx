'use client';

import { MessageSquare, User, type LucideIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';

import { usePeopleSearch } from '@/components/chat/use-people-search';
import { useMe } from '@/components/me-context';
import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { chatApi } from '@/lib/chat/client/api-client';
import { sortConversations, useConversationsStore } from '@/lib/chat/client/conversations-store';
import { matchConversations } from '@/lib/chat/navigation';
import { toast } from '@/lib/ui/client/toast-store';

/**
 * An entry other features add to the switcher (for example "Search messages…"): shown after
 * the conversations and people, chosen with Enter like them.
 */
export type SwitcherCommand = { id: string; label: string; icon: LucideIcon; run: () => void };

type Option = {
  id: string;
  label: string;
  detail?: string;
  avatar?: { name: string; image: string | null };
  icon: LucideIcon;
  run: () => void;
};

/**
 * Ctrl/Cmd+K: type part of a conversation's or a person's name, Up/Down to choose, Enter to
 * open. A person without a conversation yet gets a new direct one.
 */
export function QuickSwitcher({
  open,
  onOpenChange,
  commands = [],
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  commands?: readonly SwitcherCommand[];
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const router = useRouter();
  const me = useMe();
  const byId = useConversationsStore((s) => s.byId);
  const people = usePeopleSearch(query, open && query.trim().length > 0);
  const listId = useId();

  const options = useMemo<Option[]>(() => {
    const all = sortConversations(byId);
    const conversations = matchConversations(all, query).map<Option>((c) => ({
      id: `c:${c.id}`,
      label: c.name,
      detail: c.kind === 'group' ? `${c.members.length} members` : 'Direct message',
      icon: MessageSquare,
      run: () => router.push(`/chats/${c.id}`),
    }));
    // People who already share a direct conversation with me are listed as that conversation.
    const direct = new Set(
      all.filter((c) => c.kind === 'direct').flatMap((c) => c.members.map((m) => m.id)),
    );
    const found = query.trim()
      ? people.results
          .filter((p) => p.id !== me.id && !direct.has(p.id))
          .slice(0, 5)
          .map<Option>((p) => ({
            id: `p:${p.id}`,
            label: p.name,
            detail: 'Start a conversation',
            avatar: { name: p.name, image: p.image },
            icon: User,
            run: () =>
              void chatApi.createDirect(p.id).then(
                (c) => {
                  useConversationsStore.getState().upsert(c);
                  router.push(`/chats/${c.id}`);
                },
                (e: Error) =>
                  toast({ title: 'Could not start the conversation', description: e.message }),
              ),
          }))
      : [];
    const extra = commands.map<Option>((c) => ({ ...c, id: `x:${c.id}` }));
    return [...conversations, ...found, ...extra];
  }, [byId, query, people.results, me.id, commands, router]);

  const current = Math.min(active, Math.max(options.length - 1, 0));
  function choose(option: Option | undefined) {
    if (!option) return;
    onOpenChange(false);
    setQuery('');
    option.run();
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % Math.max(options.length, 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(options[current]);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setQuery('');
      }}
      title="Quick switcher"
      description="Find a conversation or a person. Up and Down choose, Enter opens."
    >
      <input
        autoFocus
        role="combobox"
        aria-label="Find a conversation or person"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options[current] ? `${listId}-${current}` : undefined}
        placeholder="Find a conversation or person"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="h-11 w-full rounded-[var(--radius-control)] border border-border bg-bg px-3 text-fg placeholder:text-muted"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Results"
        className="mt-2 max-h-[min(22rem,50dvh)] overflow-y-auto"
      >
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            onPointerMove={() => setActive(i)}
            onClick={() => choose(o)}
            className={cn(
              'flex cursor-pointer items-center gap-3 rounded-md px-2 py-2',
              i === current && 'bg-surface-2',
            )}
          >
            {o.avatar ? (
              <Avatar name={o.avatar.name} src={o.avatar.image} size={28} />
            ) : (
              <span className="flex h-7 w-7 items-center justify-center text-muted">
                <o.icon aria-hidden size={18} />
              </span>
            )}
            <span className="min-w-0 flex-1 truncate">{o.label}</span>
            {o.detail ? <span className="shrink-0 text-xs text-muted">{o.detail}</span> : null}
          </li>
        ))}
      </ul>
      {options.length === 0 ? (
        <p className="mt-2 text-sm text-muted">
          {people.loading && query.trim() ? 'Searching…' : 'Nothing found.'}
        </p>
      ) : null}
    </Dialog>
  );
}
