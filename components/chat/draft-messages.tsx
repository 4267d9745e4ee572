'use client';

import { useEffect, useMemo, useRef } from 'react';

import { Avatar } from '@/components/ui/avatar';
import type { ConversationWire } from '@/lib/chat/wire';
import { useDraftsStore, type Draft } from '@/lib/chat/client/drafts-store';
import { useTimeline } from '@/lib/chat/client/timeline-store';

import { AiBadge } from './ai-badge';
import { MessageBody } from './message-body';
import { MessageBoundary } from './message-boundary';

const NO_DRAFTS: Record<string, Draft> = {};

/**
 * Replies being written right now (the assistant streaming), under the history: each shows the
 * text so far until the stored message replaces it. Busy while it grows, so screen readers
 * wait for the finished message in the log instead of reading every fragment.
 */
export function DraftMessages({
  conversation,
  meId,
  onUpdate,
}: {
  conversation: ConversationWire;
  meId: string;
  /** The drafts appeared, grew or changed: the list above may just have lost room. */
  onUpdate?: () => void;
}) {
  const byId = useDraftsStore((s) => s.byConversation[conversation.id] ?? NO_DRAFTS);
  const { messages } = useTimeline(conversation.id);
  const drafts = useMemo(() => {
    // A resync can bring the stored reply before its message.created event clears the draft.
    const stored = new Set(messages.slice(-20).map((m) => m.clientId));
    return Object.values(byId)
      .filter((d) => !stored.has(d.draftId))
      .sort((a, b) => a.draftId.localeCompare(b.draftId));
  }, [byId, messages]);
  const box = useRef<HTMLDivElement>(null);

  // A writer that died leaves its draft behind; drop it after a minute without news.
  useEffect(() => {
    const timer = setInterval(() => useDraftsStore.getState().prune(), 5000);
    return () => clearInterval(timer);
  }, []);

  const updated = useRef(onUpdate);
  useEffect(() => {
    updated.current = onUpdate;
  }, [onUpdate]);

  // Follow the text as it grows.
  useEffect(() => {
    box.current?.scrollTo({ top: box.current.scrollHeight });
    if (drafts.length > 0) updated.current?.();
  }, [drafts]);

  const shown = drafts.length > 0;
  useEffect(() => {
    const element = box.current;
    if (!shown || !element) return;
    // Fires once on observe too: the drafts just appeared.
    const observer = new ResizeObserver(() => updated.current?.());
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);

  if (drafts.length === 0) return null;
  return (
    <div ref={box} className="max-h-[45%] shrink-0 overflow-y-auto border-t border-border/60">
      {drafts.map((draft) => {
        const author = conversation.members.find((m) => m.id === draft.authorId);
        const name = author?.name ?? 'Someone';
        return (
          <div
            key={draft.draftId}
            role="status"
            aria-busy="true"
            aria-label={`${name} is replying`}
            className="flex gap-3 px-4 py-2"
          >
            <div className="w-9 shrink-0">
              <Avatar name={name} src={author?.image ?? null} size={36} />
            </div>
            <div className="min-w-0 flex-1">
              <p className="flex items-center gap-2">
                <span className="font-semibold">{name}</span>
                <AiBadge userId={draft.authorId} />
                <span className="animate-pulse text-xs text-muted">replying…</span>
              </p>
              <MessageBoundary body={draft.body}>
                <MessageBody body={draft.body} members={conversation.members} meId={meId} />
              </MessageBoundary>
            </div>
          </div>
        );
      })}
    </div>
  );
}
