'use client';

import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { lazy } from 'react';

import { CallButtons } from '@/components/call/call-buttons';
import { Button } from '@/components/ui/button';
import { OnDemand } from '@/components/ui/on-demand';
import { SearchInConversationButton } from '@/components/search/search-in-conversation-button';
import { PinnedList } from '@/components/pins/pinned-list';
import { isAssistant } from '@/lib/assistant/identity';
import { dateAndTime } from '@/lib/chat/time-format';
import type { ConversationWire } from '@/lib/chat/wire';
import { usePresenceStore } from '@/lib/chat/client/presence-store';

import { ConversationAvatar } from './conversation-avatar';
import { DetailsButton } from './details-button';
import { MuteButton } from './mute-button';

// The details panel (members, roles, shared images) loads on the first press of its button.
const loadDetails = () => import('./conversation-details');
const ConversationDetails = lazy(() =>
  loadDetails().then((m) => ({ default: m.ConversationDetails })),
);

// The Games dialog (every game's rules, chess.js) loads when Games is first pressed, not with
// the conversation.
const loadGames = () => import('@/components/games/games-button');
const GamesButton = lazy(() => loadGames().then((m) => ({ default: m.GamesButton })));

const STATUS = { online: 'Online', away: 'Away', offline: 'Offline' } as const;

/** Name, members and presence; a back button at phone width. */
export function ConversationHeader({
  conversation,
  meId,
}: {
  conversation: ConversationWire;
  meId: string;
}) {
  const presence = usePresenceStore((s) => s.byUser);
  const others = conversation.members.filter((m) => m.id !== meId);
  // Parley AI answers in writing: no presence, no calls.
  const withAssistant = conversation.kind === 'direct' && isAssistant(others[0]?.id);
  let subtitle: string;
  if (withAssistant) subtitle = 'AI assistant';
  else if (conversation.kind === 'direct') {
    const p = others[0] ? presence[others[0].id] : undefined;
    subtitle = STATUS[p?.status ?? 'offline'];
    if (p?.status === 'offline' && p.lastSeenAt)
      subtitle = `Last seen ${dateAndTime(p.lastSeenAt)}`;
    if (others[0]?.statusText) subtitle = `${subtitle} · ${others[0].statusText}`;
  } else {
    const online = others.filter((m) => presence[m.id]?.status === 'online').length;
    subtitle = `${conversation.members.length} members${online ? `, ${online} online` : ''}`;
  }
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border px-3 py-2">
      <Link
        href="/chats"
        aria-label="Back to conversations"
        className="-ml-1 inline-flex h-9 w-9 items-center justify-center rounded-md hover:bg-surface-2 md:hidden"
      >
        <ArrowLeft aria-hidden size={20} />
      </Link>
      <ConversationAvatar conversation={conversation} meId={meId} size={36} />
      <div className="min-w-[10rem] flex-1">
        <h1 className="truncate font-semibold">
          {conversation.name}
          {conversation.muted ? (
            <span className="ml-2 text-xs font-normal text-muted">Muted</span>
          ) : null}
        </h1>
        <p className="truncate text-xs text-muted" data-testid="conversation-status">
          {subtitle}
          {conversation.kind === 'group' ? (
            <span className="sr-only">: {conversation.members.map((m) => m.name).join(', ')}</span>
          ) : null}
        </p>
      </div>
      <SearchInConversationButton conversation={conversation} />
      <PinnedList conversation={conversation} />
      <MuteButton conversation={conversation} />
      <OnDemand
        load={loadGames}
        standIn={(props) => (
          <Button variant="ghost" size="sm" {...props}>
            Games
          </Button>
        )}
      >
        <GamesButton conversation={conversation} meId={meId} defaultOpen />
      </OnDemand>
      <OnDemand load={loadDetails} standIn={(props) => <DetailsButton {...props} />}>
        <ConversationDetails conversation={conversation} meId={meId} defaultOpen />
      </OnDemand>
      {withAssistant ? null : <CallButtons conversationId={conversation.id} meId={meId} />}
    </header>
  );
}
