'use client';

import type { DisplayRow } from '@/lib/chat/timeline';
import type { ConversationWire } from '@/lib/chat/wire';

import { MessageBoundary } from './message-boundary';
import { MessageItem } from './message-item';
import { ReadReceipt } from './read-receipt';

/** What the message list shows: its rows, and the ends of what is loaded. */
export function NewerFooter() {
  return <p className="py-3 text-center text-xs text-muted">Loading newer messages…</p>;
}

export function Header({ hasMore }: { hasMore: boolean }) {
  return (
    <p className="py-3 text-center text-xs text-muted">
      {hasMore ? 'Loading older messages…' : 'This is the beginning of the conversation.'}
    </p>
  );
}

export function Row({
  row,
  conversation,
  meId,
  receipt,
  targetMessageId,
}: {
  row: DisplayRow;
  conversation: ConversationWire;
  meId: string;
  receipt: { messageId: string; names: string[] } | null;
  targetMessageId: string | null;
}) {
  if (row.type === 'date') {
    return (
      <div
        role="separator"
        aria-label={row.label}
        className="my-2 flex items-center gap-3 px-4 text-xs text-muted"
      >
        <span className="h-px flex-1 bg-border" />
        {row.label}
        <span className="h-px flex-1 bg-border" />
      </div>
    );
  }
  if (row.type === 'unread') {
    return (
      <div
        role="separator"
        aria-label="New messages"
        className="my-2 flex items-center gap-3 px-4 text-xs font-semibold text-danger"
      >
        <span className="h-px flex-1 bg-danger" />
        New messages
        <span className="h-px flex-1 bg-danger" />
      </div>
    );
  }
  const id = row.item.status === 'sent' ? row.item.message.id : null;
  const targeted = id !== null && id === targetMessageId;
  return (
    <div
      className={targeted ? 'pb-0.5 bg-amber-400/15 ring-1 ring-amber-400/60' : 'pb-0.5'}
      data-targeted={targeted || undefined}
    >
      <MessageBoundary body={row.item.message.body}>
        <MessageItem
          item={row.item}
          startsGroup={row.startsGroup}
          conversation={conversation}
          meId={meId}
        />
      </MessageBoundary>
      {receipt && id === receipt.messageId ? (
        <ReadReceipt kind={conversation.kind} names={receipt.names} />
      ) : null}
    </div>
  );
}
