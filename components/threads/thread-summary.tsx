'use client';

import { Avatar } from '@/components/ui/avatar';
import { shortTime } from '@/lib/chat/describe';
import type { ConversationWire, MessageWire } from '@/lib/chat/wire';
import { useThreadsStore } from '@/lib/threads/client/threads-store';

const plural = (n: number) => `${n} ${n === 1 ? 'reply' : 'replies'}`;

/** Under a thread's root: who replied, "3 replies" and the last reply's time; opens the thread. */
export function ThreadSummary({
  message,
  conversation,
}: {
  message: MessageWire;
  conversation: ConversationWire;
}) {
  const thread = message.thread;
  if (!thread || thread.replyCount === 0) return null;
  const people = thread.participantIds
    .slice(0, 3)
    .map((id) => conversation.members.find((m) => m.id === id))
    .filter((m) => m !== undefined);
  const last = shortTime(thread.lastReplyAt);
  return (
    <button
      type="button"
      onClick={() => useThreadsStore.getState().open(conversation.id, message.id)}
      aria-label={`${plural(thread.replyCount)}, last reply ${last}. Open thread`}
      className="mt-1 flex max-w-full items-center gap-2 rounded-md px-1 py-0.5 text-sm hover:bg-surface-2"
    >
      <span className="flex -space-x-1" aria-hidden>
        {people.map((m) => (
          <Avatar key={m.id} name={m.name} src={m.image} size={20} />
        ))}
      </span>
      <span className="font-semibold text-accent">{plural(thread.replyCount)}</span>
      <span className="truncate text-xs text-muted">Last reply {last}</span>
    </button>
  );
}
