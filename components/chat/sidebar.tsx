'use client';

import { Keyboard, Search } from 'lucide-react';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { lazy, useMemo, useState } from 'react';

import { useMe } from '@/components/me-context';
import { ThreadsLink } from '@/components/threads/threads-link';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { OnDemand } from '@/components/ui/on-demand';
import { Tooltip } from '@/components/ui/tooltip';
import { previewOf, shortTime } from '@/lib/chat/describe';
import type { ConversationWire } from '@/lib/chat/wire';
import { sortConversations, useConversationsStore } from '@/lib/chat/client/conversations-store';
import { useUnreadHold } from '@/lib/chat/client/unread-hold';
import { useDialogsStore } from '@/lib/ui/client/dialogs-store';

import { ConversationAvatar } from './conversation-avatar';
import { DraftPreview, useDraftText } from './draft-preview';
// The two dialogs (and the people search in them) load when their button is first pressed.
const loadNewMessage = () => import('./new-message-dialog');
const loadNewGroup = () => import('./new-group-dialog');
const NewMessageDialog = lazy(() =>
  loadNewMessage().then((m) => ({ default: m.NewMessageDialog })),
);
const NewGroupDialog = lazy(() => loadNewGroup().then((m) => ({ default: m.NewGroupDialog })));

/**
 * What a screen reader says for a conversation in the list: its name, the last message, then the
 * unread count ("Ana Lima, See you at 5, 2 unread"). In the order they are shown, so the visible
 * text reads inside the name (axe: label-content-name-mismatch). Tests match the name before the
 * first comma.
 */
export function conversationLinkName(name: string, unread: number, preview: string): string {
  const parts = [name];
  if (preview) parts.push(preview);
  if (unread > 0) parts.push(`${unreadShown(unread)} unread`);
  return parts.join(', ');
}

/** The unread badge's text, which the link's name repeats ("99+ unread", as shown). */
const unreadShown = (unread: number) => (unread > 99 ? '99+' : String(unread));

export function Sidebar() {
  const byId = useConversationsStore((s) => s.byId);
  const loaded = useConversationsStore((s) => s.loaded);
  const [filter, setFilter] = useState('');
  const me = useMe();
  const params = useParams<{ id?: string }>();
  const conversations = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = sortConversations(byId);
    return q
      ? all.filter(
          (c) =>
            c.name.toLowerCase().includes(q) ||
            c.members.some((m) => m.name.toLowerCase().includes(q)),
        )
      : all;
  }, [byId, filter]);

  return (
    <div className="flex h-full w-full flex-col">
      <div className="flex items-center gap-2 p-3">
        <OnDemand
          load={loadNewMessage}
          standIn={(props) => (
            <Button size="sm" {...props}>
              New message
            </Button>
          )}
        >
          <NewMessageDialog defaultOpen />
        </OnDemand>
        <OnDemand
          load={loadNewGroup}
          standIn={(props) => (
            <Button size="sm" variant="secondary" {...props}>
              New group
            </Button>
          )}
        >
          <NewGroupDialog defaultOpen />
        </OnDemand>
        <span className="ml-auto flex items-center">
          <Tooltip content="Quick switcher (Ctrl+K)">
            <button
              type="button"
              aria-label="Quick switcher"
              aria-keyshortcuts="Control+K Meta+K"
              onClick={() => useDialogsStore.getState().setSwitcher(true)}
              className="inline-flex h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg"
            >
              <Search aria-hidden size={18} />
            </button>
          </Tooltip>
          <Tooltip content="Keyboard shortcuts (?)">
            <button
              type="button"
              aria-label="Keyboard shortcuts"
              aria-keyshortcuts="Shift+? Control+/"
              onClick={() => useDialogsStore.getState().setShortcuts(true)}
              className="hidden h-8 w-8 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg md:inline-flex"
            >
              <Keyboard aria-hidden size={18} />
            </button>
          </Tooltip>
        </span>
      </div>
      <div className="px-3 pb-2">
        <input
          className="h-9 w-full rounded-md border border-border bg-bg px-3 text-sm placeholder:text-muted"
          type="search"
          aria-label="Search conversations"
          placeholder="Search conversations"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <ThreadsLink />
      <nav aria-label="Conversations" className="min-h-0 flex-1 overflow-y-auto">
        {loaded && conversations.length === 0 ? (
          <p className="p-4 text-sm text-muted">
            {filter
              ? 'No conversation matches.'
              : 'No conversations yet. Start one with “New message”.'}
          </p>
        ) : null}
        <ul>
          {conversations.map((c) => (
            <li key={c.id}>
              <ConversationLink conversation={c} meId={me.id} active={params.id === c.id} />
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

function ConversationLink({
  conversation: c,
  meId,
  active,
}: {
  conversation: ConversationWire;
  meId: string;
  active: boolean;
}) {
  const held = useUnreadHold((s) => s.held[c.id] === true);
  const unread = active && !held ? 0 : c.unreadCount;
  const draft = useDraftText(c.id, meId);
  const showDraft = draft !== '' && !active;
  // The link's name says what it shows: the draft when there is one, else the last message.
  const preview = showDraft ? `Draft: ${draft.replace(/\s+/g, ' ')}` : previewOf(c, meId);
  return (
    // The avatar (its initials, its presence dot) and the time sit beside the link, not in it:
    // visible text inside a link must be part of its name (axe: label-content-name-mismatch), and
    // initials and a time read out for every link are noise (the header says the presence).
    <div className="relative">
      <Link
        href={`/chats/${c.id}`}
        aria-label={conversationLinkName(c.name, unread, preview)}
        aria-current={active ? 'page' : undefined}
        className={cn(
          'flex min-h-14 items-center gap-3 py-2 pl-16 pr-3 hover:bg-surface-2 focus-visible:bg-surface-2',
          active && 'bg-surface-2',
        )}
      >
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline gap-2 pr-16">
            <span className={cn('truncate', unread > 0 && 'font-semibold')}>{c.name}</span>
          </span>
          {/* The spaces between the pieces change nothing on screen (block and flex boxes), but
              text read across elements is joined without one: "Ana LimaSee you" is not inside
              the name "Ana Lima, See you" (axe: label-content-name-mismatch). */}{' '}
          <span className="flex items-center justify-between gap-2">
            {showDraft ? (
              <DraftPreview text={draft} />
            ) : (
              <span className="truncate text-sm text-muted">{preview}</span>
            )}{' '}
            {unread > 0 ? (
              <span
                aria-label={`${unread} unread`}
                data-testid="unread-badge"
                className="shrink-0 rounded-full bg-accent px-1.5 text-xs font-semibold text-accent-fg"
              >
                {unreadShown(unread)}
              </span>
            ) : null}
          </span>
        </span>
      </Link>
      <span
        aria-hidden
        className="pointer-events-none absolute left-3 top-1/2 inline-flex -translate-y-1/2"
      >
        <ConversationAvatar conversation={c} meId={meId} />
      </span>
      <span aria-hidden className="pointer-events-none absolute right-3 top-2 text-xs text-muted">
        {shortTime(c.lastMessage?.createdAt ?? c.lastActivityAt)}
      </span>
    </div>
  );
}
