'use client';

import { X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';

import { Composer } from '@/components/chat/composer';
import { MessageItem } from '@/components/chat/message-item';
import { Button } from '@/components/ui/button';
import type { TypingState } from '@/lib/chat/typing';
import type { ConversationWire, MessageWire } from '@/lib/chat/wire';
import { threadsApi } from '@/lib/threads/client/api';
import { loadThread, markThreadRead, refreshFollowed } from '@/lib/threads/client/sync';
import { selectThread, useThreadsStore } from '@/lib/threads/client/threads-store';
import { toast } from '@/lib/ui/client/toast-store';

const sent = (message: MessageWire) => ({
  status: 'sent' as const,
  key: message.id,
  message,
});

/**
 * A thread beside the conversation (desktop) or over it as its own screen (phone): the root,
 * its replies and a composer of its own. Reading it moves my read position in the thread.
 */
export function ThreadPanel({
  conversation,
  rootId,
  meId,
  sendTyping,
}: {
  conversation: ConversationWire;
  rootId: string;
  meId: string;
  sendTyping: (state: TypingState) => void;
}) {
  const thread = useThreadsStore(selectThread(rootId));
  const [error, setError] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);
  const close = () => useThreadsStore.getState().open(conversation.id, undefined);

  useEffect(() => {
    loadThread(rootId).catch((e: Error) => setError(e.message));
  }, [rootId]);

  const lastSeq = thread.replies.at(-1)?.seq ?? 0;
  // Who has read the thread to its newest reply (besides me and its author): receipts per thread.
  const last = thread.replies.at(-1);
  const seenBy = last
    ? conversation.members.filter(
        (m) => m.id !== meId && m.id !== last.authorId && (thread.readers[m.id] ?? 0) >= last.seq,
      )
    : [];

  useEffect(() => {
    if (thread.loaded && lastSeq > 0) void markThreadRead(rootId, lastSeq);
    end.current?.scrollIntoView({ block: 'end' });
  }, [rootId, lastSeq, thread.loaded, thread.pending.length]);

  const following = thread.membership?.following ?? false;
  async function toggleFollow() {
    try {
      const { membership } = await threadsApi.setFollowing(rootId, !following);
      useThreadsStore.getState().membership(rootId, membership);
      void refreshFollowed();
    } catch (e) {
      toast({ title: 'Not changed', description: (e as Error).message, variant: 'error' });
    }
  }

  return (
    <aside
      aria-label="Thread"
      className="fixed inset-0 z-30 flex min-w-0 flex-col bg-bg md:static md:z-auto md:w-96 md:shrink-0 md:border-l md:border-border"
    >
      <header className="flex items-center gap-2 border-b border-border px-3 py-2">
        <h2 className="min-w-0 flex-1 truncate font-semibold">Thread</h2>
        <Button size="sm" variant="secondary" onClick={() => void toggleFollow()}>
          {following ? 'Unfollow' : 'Follow'}
        </Button>
        <Button size="sm" variant="ghost" aria-label="Close thread" onClick={close}>
          <X aria-hidden size={18} />
        </Button>
      </header>
      {error ? (
        <p role="alert" className="bg-danger/10 px-4 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div role="log" aria-label="Thread replies" className="min-h-0 flex-1 overflow-y-auto py-2">
        {thread.root ? (
          <MessageItem
            item={sent(thread.root)}
            startsGroup
            conversation={conversation}
            meId={meId}
            inThread={rootId}
          />
        ) : (
          <p className="px-4 text-sm text-muted">Loading thread…</p>
        )}
        {thread.root ? (
          <p className="my-2 flex items-center gap-3 px-4 text-xs text-muted">
            <span className="h-px flex-1 bg-border" />
            {thread.replies.length === 0 ? 'No replies yet' : 'Replies'}
            <span className="h-px flex-1 bg-border" />
          </p>
        ) : null}
        {thread.replies.map((reply, i) => (
          <MessageItem
            key={reply.id}
            item={sent(reply)}
            startsGroup={thread.replies[i - 1]?.authorId !== reply.authorId}
            conversation={conversation}
            meId={meId}
          />
        ))}
        {seenBy.length > 0 ? (
          <p className="px-4 pt-1 text-right text-xs text-muted">
            Seen by {seenBy.map((m) => m.name).join(', ')}
          </p>
        ) : null}
        {thread.pending.map((p) => (
          <p key={p.clientId} className="px-4 py-1 text-sm">
            <span className="whitespace-pre-wrap">{p.body}</span>{' '}
            <span className={p.failed ? 'text-xs text-danger' : 'text-xs text-muted'}>
              {p.failed ?? 'Sending…'}
            </span>
          </p>
        ))}
        <div ref={end} />
      </div>
      <Composer
        conversation={conversation}
        meId={meId}
        sendTyping={sendTyping}
        threadRootId={rootId}
      />
    </aside>
  );
}
