'use client';

import { forwardRef, useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';

import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { groupForDisplay } from '@/lib/chat/timeline';
import type { ConversationWire } from '@/lib/chat/wire';
import { useTimeline } from '@/lib/chat/client/timeline-store';
import { mainTimeline } from '@/lib/threads/timeline';

import { DraftMessages } from './draft-messages';
import { Header, NewerFooter, Row } from './message-rows';
import { receiptFor } from './read-receipt';
import { useRovingMessages } from './use-roving-messages';
import { useSteadyConversation } from './use-steady-conversation';

// Virtuoso needs indexes that only grow downwards when older rows are prepended.
const START_INDEX = 1_000_000;

/** The scroll container is the log: screen readers hear new messages as they arrive. */
const Scroller = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function Scroller(props, ref) {
    return (
      <div
        {...props}
        ref={ref}
        role="log"
        aria-label="Messages"
        aria-keyshortcuts="ArrowUp ArrowDown"
        tabIndex={0}
        className={cn(
          props.className,
          'outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-ring',
        )}
      />
    );
  },
);

/**
 * History, virtualized so ten thousand messages stay smooth. Scrolling to the top loads older
 * pages while keeping the reading position; new messages follow only if already at the bottom.
 */
export function MessageList({
  conversation,
  meId,
  readAtOpen,
  lastSeqAtOpen,
  loadOlder,
  loadNewer = async () => {},
  loadLatest = async () => {},
  onBottomChange,
  targetMessageId = null,
}: {
  conversation: ConversationWire;
  meId: string;
  readAtOpen: number;
  /** The conversation's last seq when it opened: later messages are not "new" (the divider). */
  lastSeqAtOpen?: number;
  loadOlder: () => Promise<void>;
  /** Opened at a message in the past: the next newer page (scrolling down). */
  loadNewer?: () => Promise<void>;
  /** Leaves a window in the past for the latest page (Jump to latest). */
  loadLatest?: () => Promise<void>;
  onBottomChange: (atBottom: boolean) => void;
  /** Scroll to and highlight this message (a notification's link), loading older pages for it. */
  targetMessageId?: string | null;
}) {
  const held = useTimeline(conversation.id);
  // Replies kept in their threads are held (for seq) but shown in the thread panel only.
  const timeline = useMemo(() => mainTimeline(held), [held]);
  const rows = useMemo(
    () =>
      groupForDisplay(timeline, { meId, lastReadSeq: readAtOpen, unreadUpToSeq: lastSeqAtOpen }),
    [timeline, meId, readAtOpen, lastSeqAtOpen],
  );
  const receipt = useMemo(
    () => receiptFor(timeline.messages, conversation.members, meId, conversation.kind),
    [timeline.messages, conversation.members, meId, conversation.kind],
  );
  const rowConversation = useSteadyConversation(conversation);
  const virtuoso = useRef<VirtuosoHandle>(null);
  const scroller = useRef<HTMLElement | null>(null);
  // Opened at a message (a link, a search result) the list is not at the end, and must not be
  // pinned there while its rows settle (pinToEnd below).
  const [atBottom, setAtBottom] = useState(targetMessageId === null);
  // Older pages load only once the list has settled where it opened (at the end) or the person
  // scrolls. Virtuoso reports the start as reached while it is still measuring the first page;
  // loading then prepended page after page (a 600-message conversation loaded all of it before
  // showing the latest, blank for most of a second).
  const settled = useRef(false);
  // "Jump to first unread": offered while the "New messages" divider is above what is on screen
  // and the person has not seen it yet (the list opens at it; a link to a later message, or
  // images loading at the end, can leave it above).
  const dividerSeen = useRef(false);
  const [dividerAbove, setDividerAbove] = useState(false);
  const loadOlderOnceSettled = () => {
    if (settled.current) void loadOlder();
  };
  const onIntent = () => {
    if (settled.current) return;
    settled.current = true;
    if (scroller.current && scroller.current.scrollTop < 50) void loadOlder();
  };
  // Newer pages of a window in the past are appended below the reader: the list must not follow
  // them to the end as it follows live messages (a window whose first page fits on screen reports
  // "at bottom" and would otherwise page, and follow, its way to the latest message).
  const pagingNewer = useRef(false);
  const loadNewerInPlace = () => {
    // At the present there is nothing newer to page: live messages follow as ever.
    if (!timeline.hasMoreAfter || pagingNewer.current) return;
    pagingNewer.current = true;
    void loadNewer().finally(() => {
      // Rows are measured (and the list's height changes) in the frames after the page lands.
      setTimeout(() => (pagingNewer.current = false), 500);
    });
  };
  const follows = () => !pagingNewer.current && !timeline.hasMoreAfter;
  const onKeyDown = useRovingMessages(scroller, virtuoso);
  // Shown again (a conversation left and come back to keeps its list): Virtuoso measured it while
  // hidden, so ask the scroller itself whether the end is on screen, for the read mark.
  useEffect(() => {
    const el = scroller.current;
    if (!el || targetMessageId) return;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 80) {
      setAtBottom(true);
      onBottomChange(true);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on show only
  }, []);

  // When older rows are prepended, the first index moves down by how many were added. Count them
  // from the oldest message row, not rows[0]: that is the date separator, whose key stays the
  // same when older messages of the same day arrive (Virtuoso would then stop loading older).
  const [first, setFirst] = useState<{ key: string | undefined; at: number; index: number }>({
    key: undefined,
    at: 0,
    index: START_INDEX,
  });
  const targetAt = targetMessageId
    ? rows.findIndex(
        (r) =>
          r.type === 'message' && r.item.status === 'sent' && r.item.message.id === targetMessageId,
      )
    : -1;
  const reached = useRef<string | null>(null);
  const pagesSearched = useRef(0);
  useEffect(() => {
    if (!targetMessageId || !timeline.loadedLatest || reached.current === targetMessageId) return;
    if (targetAt >= 0) {
      reached.current = targetMessageId;
      virtuoso.current?.scrollToIndex({ index: targetAt, align: 'center' });
      return;
    }
    // Older than what is loaded: page back for it, a bounded number of times.
    if (timeline.hasMoreBefore && pagesSearched.current < 20) {
      pagesSearched.current++;
      void loadOlder();
    }
  }, [targetMessageId, targetAt, timeline.loadedLatest, timeline.hasMoreBefore, loadOlder]);

  const firstAt = rows.findIndex((r) => r.type === 'message');
  const firstKey = rows[firstAt]?.key;
  if (firstKey !== first.key) {
    const now = first.key ? rows.findIndex((r) => r.key === first.key) : -1;
    const added = now > first.at ? now - first.at : 0;
    setFirst({ key: firstKey, at: firstAt, index: first.index - added });
  }

  if (!timeline.loadedLatest) {
    return (
      <div
        role="log"
        aria-label="Messages"
        aria-busy="true"
        className="flex-1 p-4 text-sm text-muted"
      >
        Loading messages…
      </div>
    );
  }
  if (rows.length === 0) {
    return (
      <div
        role="log"
        aria-label="Messages"
        className="flex flex-1 items-center justify-center p-4 text-sm text-muted"
      >
        No messages yet. Say hello!
      </div>
    );
  }
  const unreadIndex = rows.findIndex((r) => r.type === 'unread');
  function pinToEnd() {
    if (atBottom && follows() && scroller.current) {
      scroller.current.scrollTop = scroller.current.scrollHeight;
    }
  }
  return (
    // Keys from the log and its messages bubble here (roving focus, use-roving-messages.ts); any
    // wheel, touch or key is also the person's intent to read on (older pages may load).
    <div
      className="relative flex min-h-0 flex-1 flex-col"
      onWheel={onIntent}
      onTouchMove={onIntent}
      onKeyDown={(event) => {
        onIntent();
        onKeyDown(event);
      }}
    >
      <Virtuoso
        ref={virtuoso}
        scrollerRef={(el) => {
          scroller.current = el instanceof HTMLElement ? el : null;
        }}
        className="min-h-0 flex-1"
        data={rows}
        firstItemIndex={first.index}
        initialTopMostItemIndex={
          targetAt >= 0
            ? { index: targetAt, align: 'center' }
            : unreadIndex >= 0
              ? unreadIndex
              : rows.length - 1
        }
        computeItemKey={(_, row) => row.key}
        startReached={loadOlderOnceSettled}
        // Opened at a message: newer pages wait until the list has reached it (a list that was at
        // the end when the page around it arrived would otherwise load its way back to the end).
        endReached={() => {
          if (!targetMessageId || reached.current === targetMessageId) loadNewerInPlace();
        }}
        followOutput={(bottom) => (bottom && follows() ? 'auto' : false)}
        // Rows at the end can grow after they arrive ("Seen by", an image loading); within
        // atBottomThreshold Virtuoso does not follow that, so someone at the end is kept there.
        totalListHeightChanged={pinToEnd}
        atBottomThreshold={80}
        rangeChanged={(range) => {
          if (unreadIndex < 0 || dividerSeen.current) return;
          const at = first.index + unreadIndex;
          if (at >= range.startIndex && at <= range.endIndex) {
            dividerSeen.current = true;
            setDividerAbove(false);
          } else setDividerAbove(at < range.startIndex);
        }}
        atBottomStateChange={(bottom) => {
          if (bottom) settled.current = true;
          setAtBottom(bottom);
          onBottomChange(bottom);
        }}
        components={{
          Scroller,
          Header: () => <Header hasMore={timeline.hasMoreBefore} />,
          Footer: () => (timeline.hasMoreAfter ? <NewerFooter /> : null),
        }}
        itemContent={(_, row) => (
          <Row
            row={row}
            conversation={rowConversation}
            meId={meId}
            receipt={receipt}
            targetMessageId={targetMessageId}
          />
        )}
      />
      <DraftMessages
        conversation={conversation}
        meId={meId}
        // Someone reading the end keeps seeing it while a reply streams in: the drafts take room
        // from the list, which Virtuoso does not follow, so each draft update pins the end.
        onUpdate={pinToEnd}
      />
      {dividerAbove && unreadIndex >= 0 ? (
        <Button
          size="sm"
          className="absolute left-1/2 top-2 -translate-x-1/2 shadow-md"
          onClick={() => {
            dividerSeen.current = true;
            setDividerAbove(false);
            virtuoso.current?.scrollToIndex({ index: unreadIndex, align: 'start' });
          }}
        >
          Jump to first unread
        </Button>
      ) : null}
      {!atBottom || timeline.hasMoreAfter ? (
        <Button
          size="sm"
          className="absolute bottom-3 right-4 shadow-md"
          onClick={() => {
            if (!timeline.hasMoreAfter) {
              virtuoso.current?.scrollToIndex({ index: 'LAST', behavior: 'smooth' });
              return;
            }
            void loadLatest().then(() =>
              requestAnimationFrame(() => virtuoso.current?.scrollToIndex({ index: 'LAST' })),
            );
          }}
        >
          Jump to latest
        </Button>
      ) : null}
    </div>
  );
}
