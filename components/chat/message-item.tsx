'use client';

import dynamic from 'next/dynamic';
import { memo, useMemo, useState, type KeyboardEvent } from 'react';

import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { describeSystem } from '@/lib/chat/describe';
import { retrySend } from '@/lib/chat/client/send';
import type { TimelineItem } from '@/lib/chat/timeline';
import type { ConversationWire, MessageWire } from '@/lib/chat/wire';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';
import { isEmojiOnly } from '@/lib/chat/emoji-only';
import { clockTime } from '@/lib/chat/time-format';

import { PinAction, PinnedMark, usePinMenuAction } from '@/components/pins/pin-action';
import { ThreadActions, threadAction } from '@/components/threads/thread-actions';
import { ThreadSummary } from '@/components/threads/thread-summary';

import { AiBadge } from './ai-badge';
import { ImageAttachment } from './image-viewer';
import { MessageBody } from './message-body';
import { messageActions, react } from './message-actions';
import { MessageSheet } from './message-sheet';
import { DeleteDialog, Toolbar } from './message-toolbar';
import { ReplyQuote } from './reply-quote';
import { useIsTouch } from './use-is-touch';
import { useLongPress } from './use-long-press';
import { markUnreadAction } from './mark-unread';

// Game cards carry the games' rules (chess.js among them): loaded when a card is first shown,
// not with every conversation (the chats page's first-load budget, issue #12).
const GameCard = dynamic(() => import('@/components/games/game-card').then((m) => m.GameCard), {
  ssr: false,
  loading: () => <p className="px-4 py-2 text-sm text-muted">Loading the game…</p>,
});

type Props = {
  item: TimelineItem;
  startsGroup: boolean;
  conversation: ConversationWire;
  meId: string;
  /** Shown in this thread's panel (its root's id): Reply and Edit go to the thread's composer. */
  inThread?: string;
};

const time = clockTime;

/** One message: author line when it starts a group, body, images, reactions and actions. */
export const MessageItem = memo(function MessageItem({
  item,
  startsGroup,
  conversation,
  meId,
  inThread,
}: Props) {
  const nameOf = (id: string | null) =>
    id === meId ? 'You' : (conversation.members.find((m) => m.id === id)?.name ?? 'Former member');
  const sent = item.status === 'sent' ? item.message : null;

  // A game card is a system message that references its game (components/games).
  if (sent?.system?.type === 'game')
    return <GameCard gameId={sent.system.gameId} conversation={conversation} meId={meId} />;
  if (sent?.kind === 'system') {
    return (
      <p className="px-4 py-1 text-center text-xs text-muted">
        {describeSystem(sent, (id) => nameOf(id))} · {time(sent.createdAt)}
      </p>
    );
  }
  return (
    <UserMessage
      item={item}
      sent={sent}
      startsGroup={startsGroup}
      conversation={conversation}
      meId={meId}
      nameOf={nameOf}
      inThread={inThread}
    />
  );
});

/**
 * A person's message. It is focusable (the list moves focus between messages with Up/Down):
 * focused, it shows its toolbar; Enter opens its menu. A long press opens the touch sheet.
 */
function UserMessage({
  item,
  sent,
  startsGroup,
  conversation,
  meId,
  nameOf,
  inThread,
}: Props & { sent: MessageWire | null; nameOf: (id: string | null) => string }) {
  const message = item.message;
  const author = conversation.members.find((m) => m.id === message.authorId);
  const mine = message.authorId === meId;
  const deleted = sent?.deletedAt != null;
  const replyTo = sent?.replyTo;
  const touch = useIsTouch();
  const [menuOpen, setMenuOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const actionable = sent && !deleted ? sent : null;
  // A thread's messages (its root too, in its panel) are replied to and edited in its composer.
  const composerId = inThread ?? sent?.threadRootId ?? conversation.id;
  // Reply in thread and Pin are in the toolbar too; the menu and the touch sheet list everything.
  const pinAction = usePinMenuAction(actionable, conversation.id, mine);
  const actions = useMemo(
    () =>
      actionable
        ? messageActions(
            {
              message: actionable,
              mine,
              conversationId: conversation.id,
              composerId,
              confirmDelete: () => setConfirming(true),
            },
            [
              threadAction(actionable, conversation.id),
              pinAction,
              markUnreadAction(actionable),
            ].filter((a) => a !== null),
          )
        : [],
    [actionable, mine, conversation.id, composerId, pinAction],
  );
  const longPress = useLongPress(() => {
    if (actionable) setSheetOpen(true);
  });
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.target !== e.currentTarget || !actionable) return;
    if (e.key === 'Enter' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      if (touch) setSheetOpen(true);
      else setMenuOpen(true);
    }
  }
  const emojiOnly = !!message.body && message.attachments.length === 0 && isEmojiOnly(message.body);

  return (
    <div
      data-seq={sent?.seq}
      data-message-id={sent?.id}
      aria-label={`${author?.name ?? 'Someone'} at ${time(message.createdAt)}`}
      role="article"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      {...longPress}
      className={cn(
        'group relative flex gap-3 px-4 outline-none hover:bg-surface/60 focus-visible:bg-surface/60 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-ring',
        touch && '[-webkit-touch-callout:none]',
        startsGroup ? 'pt-2' : 'pt-0.5',
        // A quote clicked inside a thread flashes the reply it quotes (reply-quote.tsx).
        'data-[flash=true]:bg-amber-400/15 data-[flash=true]:ring-1 data-[flash=true]:ring-amber-400/60',
      )}
    >
      <div className="w-9 shrink-0">
        {startsGroup ? (
          <Avatar name={author?.name ?? '?'} src={author?.image ?? null} size={36} />
        ) : (
          // Grouped messages show their time on hover and focus, where the avatar would be.
          <time
            dateTime={message.createdAt}
            aria-hidden
            className="invisible block pt-0.5 text-right text-2xs text-muted group-hover:visible group-focus-visible:visible"
          >
            {time(message.createdAt)}
          </time>
        )}
      </div>
      <div className="min-w-0 flex-1">
        {startsGroup ? (
          <p className="flex items-baseline gap-2">
            <span className="font-semibold">{author?.name ?? 'Former member'}</span>
            <AiBadge userId={message.authorId} />
            <time dateTime={message.createdAt} className="text-xs text-muted">
              {time(message.createdAt)}
            </time>
          </p>
        ) : null}
        {replyTo ? <ReplyQuote replyTo={replyTo} authorName={nameOf(replyTo.authorId)} /> : null}
        {deleted ? (
          <p className="text-sm italic text-muted">This message was deleted</p>
        ) : (
          <>
            {emojiOnly ? (
              <p className="text-4xl leading-tight" data-emoji-only>
                {message.body}
              </p>
            ) : message.body ? (
              <MessageBody body={message.body} members={conversation.members} meId={meId} />
            ) : null}
            {message.attachments.length ? (
              <div className="mt-1 flex flex-wrap gap-2">
                {message.attachments.map((a) => (
                  <ImageAttachment key={a.id} attachment={a} />
                ))}
              </div>
            ) : null}
          </>
        )}
        {sent?.editedAt && !deleted ? <span className="text-xs text-muted">(edited)</span> : null}
        {item.status !== 'sent' ? <PendingState item={item} meId={meId} /> : null}
        {sent && !deleted && sent.reactions.length ? (
          <Reactions message={sent} meId={meId} nameOf={nameOf} />
        ) : null}
        {sent ? <PinnedMark message={sent} /> : null}
        {sent?.thread ? <ThreadSummary message={sent} conversation={conversation} /> : null}
      </div>
      {actionable ? (
        <>
          <Toolbar
            message={actionable}
            mine={mine}
            composerId={composerId}
            touch={touch}
            menuOpen={menuOpen}
            setMenuOpen={setMenuOpen}
            actions={actions}
            openSheet={() => setSheetOpen(true)}
            confirmDelete={() => setConfirming(true)}
            more={
              <>
                <ThreadActions message={actionable} conversationId={conversation.id} />
                <PinAction message={actionable} conversationId={conversation.id} mine={mine} />
              </>
            }
          />
          <MessageSheet
            message={actionable}
            actions={actions}
            open={sheetOpen}
            onOpenChange={setSheetOpen}
          />
          <DeleteDialog message={actionable} open={confirming} onOpenChange={setConfirming} />
        </>
      ) : null}
    </div>
  );
}

function PendingState({ item, meId }: { item: TimelineItem; meId: string }) {
  if (item.status === 'sent') return null;
  if (item.status === 'pending') return <p className="text-xs text-muted">Sending…</p>;
  return (
    <p role="alert" className="flex flex-wrap items-center gap-2 text-xs text-danger">
      {item.message.error ?? 'Not sent.'}
      <Button size="sm" variant="secondary" onClick={() => void retrySend(item.message, meId)}>
        Retry
      </Button>
      <Button
        size="sm"
        variant="ghost"
        onClick={() =>
          useTimelineStore
            .getState()
            .removePending(item.message.conversationId, item.message.clientId)
        }
      >
        Discard
      </Button>
    </p>
  );
}

function Reactions({
  message,
  meId,
  nameOf,
}: {
  message: MessageWire;
  meId: string;
  nameOf: (id: string) => string;
}) {
  return (
    <ul aria-label="Reactions" className="mt-1 flex flex-wrap gap-1">
      {message.reactions.map((r) => {
        const mine = r.userIds.includes(meId);
        const who = r.userIds.map(nameOf).join(', ');
        return (
          <li key={r.emoji}>
            <button
              type="button"
              aria-pressed={mine}
              aria-label={`${r.emoji} ${r.userIds.length}: ${who}`}
              title={who}
              onClick={() => react(message, r.emoji, !mine)}
              className={cn(
                'rounded-full border px-2 text-sm',
                mine ? 'border-accent bg-accent/15' : 'border-border bg-surface',
              )}
            >
              {r.emoji} {r.userIds.length}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
