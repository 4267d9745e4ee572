'use client';

import { memo, useState } from 'react';

import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { GameCard } from '@/components/games/game-card';
import { chatApi } from '@/lib/chat/client/api-client';
import { describeSystem } from '@/lib/chat/describe';
import { retrySend } from '@/lib/chat/client/send';
import type { TimelineItem } from '@/lib/chat/timeline';
import type { ConversationWire, MessageWire } from '@/lib/chat/wire';
import { useComposerStore } from '@/lib/chat/client/composer-store';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';
import { toast } from '@/lib/ui/client/toast-store';

import { PinAction, PinnedMark } from '@/components/pins/pin-action';
import { ThreadActions } from '@/components/threads/thread-actions';
import { ThreadSummary } from '@/components/threads/thread-summary';

import { AiBadge } from './ai-badge';
import { EmojiPicker } from './emoji-picker';
import { ImageAttachment } from './image-viewer';
import { Markdown } from './markdown';
import { MessageMoreMenu } from './message-more-menu';
import { ReplyQuote } from './reply-quote';

type Props = {
  item: TimelineItem;
  startsGroup: boolean;
  conversation: ConversationWire;
  meId: string;
};

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function react(message: MessageWire, emoji: string, present: boolean) {
  chatApi
    .react(message.id, emoji, present)
    .catch((e: Error) =>
      toast({ title: 'Reaction not saved', description: e.message, variant: 'error' }),
    );
}

/** One message: author line when it starts a group, body, images, reactions and actions. */
export const MessageItem = memo(function MessageItem({
  item,
  startsGroup,
  conversation,
  meId,
}: Props) {
  const message = item.message;
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
  const author = conversation.members.find((m) => m.id === message.authorId);
  const mine = message.authorId === meId;
  const deleted = sent?.deletedAt != null;
  const replyTo = sent?.replyTo;

  return (
    <div
      data-seq={sent?.seq}
      aria-label={`${author?.name ?? 'Someone'} at ${time(message.createdAt)}`}
      role="article"
      className={cn(
        'group relative flex gap-3 px-4 hover:bg-surface/60',
        startsGroup ? 'pt-2' : 'pt-0.5',
      )}
    >
      <div className="w-9 shrink-0">
        {startsGroup ? (
          <Avatar name={author?.name ?? '?'} src={author?.image ?? null} size={36} />
        ) : null}
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
            {message.body ? (
              <Markdown body={message.body} members={conversation.members} meId={meId} />
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
      {sent && !deleted ? (
        <Actions message={sent} mine={mine} conversationId={conversation.id} />
      ) : null}
    </div>
  );
});

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

function Actions({
  message,
  mine,
  conversationId,
}: {
  message: MessageWire;
  mine: boolean;
  conversationId: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const composer = useComposerStore.getState();
  // A thread reply is replied to and edited in its thread's composer.
  const composerId = message.threadRootId ?? conversationId;
  const btn =
    'rounded px-1.5 py-0.5 text-sm hover:bg-surface-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring';
  return (
    <div
      role="toolbar"
      aria-label="Message actions"
      className="absolute -top-3 right-4 hidden gap-0.5 rounded-md border border-border bg-bg p-0.5 shadow-sm group-hover:flex group-focus-within:flex"
    >
      <EmojiPicker
        onPick={(emoji) => react(message, emoji, true)}
        trigger={
          <button type="button" aria-label="Add reaction" className={btn}>
            😊
          </button>
        }
      />
      <button
        type="button"
        aria-label="Reply"
        className={btn}
        onClick={() => composer.setReplyTo(composerId, message)}
      >
        ↩
      </button>
      <ThreadActions message={message} conversationId={conversationId} />
      <PinAction message={message} conversationId={conversationId} mine={mine} />
      <MessageMoreMenu message={message} className={btn} />
      {mine ? (
        <>
          <button
            type="button"
            aria-label="Edit message"
            className={btn}
            onClick={() => composer.setEditing(composerId, message)}
          >
            ✎
          </button>
          <Dialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Delete message?"
            description="Everyone in the conversation will see “This message was deleted”."
            trigger={
              <button type="button" aria-label="Delete message" className={btn}>
                🗑
              </button>
            }
          >
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button
                variant="danger"
                onClick={() => {
                  setConfirming(false);
                  chatApi
                    .deleteMessage(message.id)
                    .catch((e: Error) =>
                      toast({ title: 'Not deleted', description: e.message, variant: 'error' }),
                    );
                }}
              >
                Delete
              </Button>
            </div>
          </Dialog>
        </>
      ) : null}
    </div>
  );
}
