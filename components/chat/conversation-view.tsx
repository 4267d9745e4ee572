'use client';

import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';

import { useMe } from '@/components/me-context';
import { useRealtimeHost } from '@/components/realtime-provider';
import { useConversationRoom } from '@/lib/chat/client/use-conversation-room';
import { useMarkRead } from '@/lib/chat/client/use-mark-read';
import { useTimelineLoader } from '@/lib/chat/client/use-timeline-loader';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';
import type { ConversationWire } from '@/lib/chat/wire';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { useThreadsStore } from '@/lib/threads/client/threads-store';

import { Composer } from './composer';
import { ConversationHeader } from './conversation-header';
import { MessageList } from './message-list';
import { TypingIndicator } from './typing-indicator';

// A thread panel loads when a thread is first opened.
const ThreadPanel = dynamic(
  () => import('@/components/threads/thread-panel').then((m) => m.ThreadPanel),
  { ssr: false },
);

/** One open conversation: header, history, who is typing, and the composer. */
export function ConversationView({ initial }: { initial: ConversationWire }) {
  const me = useMe();
  const host = useRealtimeHost();
  const conversation = useConversationsStore((s) => s.byId[initial.id]) ?? initial;
  // Captured at open: the "New messages" divider stays put while the person reads.
  const [readAtOpen] = useState(initial.lastReadSeq);
  const [lastSeqAtOpen] = useState(initial.lastSeq);
  // A notification links to `?message=<id>`: the list scrolls to it and highlights it. Search
  // adds `&seq=<seq>`: the list then opens around that message, however far back it is.
  const params = useSearchParams();
  const targetMessageId = params.get('message');
  const seqParam = Number(params.get('seq'));
  const aroundSeq =
    targetMessageId && Number.isSafeInteger(seqParam) && seqParam > 0 ? seqParam : null;
  // The Threads view links to `?thread=<root id>`: the thread opens beside the conversation.
  const threadParam = params.get('thread');
  useEffect(() => {
    if (threadParam) useThreadsStore.getState().open(initial.id, threadParam);
  }, [initial.id, threadParam]);
  const openRoot = useThreadsStore((s) => s.openRoot[initial.id]);

  useEffect(() => {
    const store = useConversationsStore.getState();
    if (!store.byId[initial.id]) store.upsert(initial);
    store.setOpen(initial.id);
    return () => useConversationsStore.getState().setOpen(null);
  }, [initial]);

  const { error, loadOlder, loadNewer, loadLatest } = useTimelineLoader(initial.id, aroundSeq);
  // Opened at a search result: the list starts over once the page around it is in (a list keeps
  // the place it first opened at, and the cached latest page would have it at the end).
  const aroundReady = useTimelineStore((s) => {
    const messages = s.conversations[initial.id]?.messages;
    if (aroundSeq === null || !messages?.length) return false;
    return messages[0]!.seq <= aroundSeq && aroundSeq <= messages.at(-1)!.seq;
  });
  const listKey = aroundSeq === null ? 'latest' : aroundReady ? 'around' : 'waiting';
  const room = useConversationRoom(host, initial.id, me.id);
  const onBottomChange = useMarkRead(conversation, me.id, room.sendRead);

  return (
    <div className="flex h-full min-h-0">
      <section
        aria-label={conversation.name}
        className="flex h-full min-h-0 min-w-0 flex-1 flex-col"
      >
        <ConversationHeader conversation={conversation} meId={me.id} />
        {error ? (
          <p role="alert" className="bg-danger/10 px-4 py-2 text-sm text-danger">
            {error}
          </p>
        ) : null}
        {listKey === 'waiting' ? (
          // Opened at a search result: the page around it first, never the cached latest page.
          <p role="status" className="flex-1 p-4 text-center text-sm text-muted">
            Loading the conversation at that message…
          </p>
        ) : (
          <MessageList
            key={listKey}
            conversation={conversation}
            meId={me.id}
            readAtOpen={readAtOpen}
            lastSeqAtOpen={lastSeqAtOpen}
            loadOlder={loadOlder}
            loadNewer={loadNewer}
            loadLatest={loadLatest}
            onBottomChange={onBottomChange}
            targetMessageId={targetMessageId}
          />
        )}
        <TypingIndicator conversation={conversation} meId={me.id} />
        <Composer
          key={conversation.id}
          conversation={conversation}
          meId={me.id}
          sendTyping={room.sendTyping}
        />
      </section>
      {openRoot ? (
        <ThreadPanel
          key={openRoot}
          conversation={conversation}
          rootId={openRoot}
          meId={me.id}
          sendTyping={room.sendTyping}
        />
      ) : null}
    </div>
  );
}
