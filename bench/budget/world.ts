import type { startFakeOpenAI } from '@/test/fake-openai';
import type { startFakeUpstashRedis } from '@/test/fake-upstash-redis';
import { skipList } from '@/lib/rooms/away';
import type { startFakeQStash } from '@/test/qstash';

/**
 * What the simulated day and the fakes share (one per process, on globalThis: setup.ts and the
 * day run in the same worker but load this module through different module graphs).
 */
export type BudgetWorld = {
  /** Which conversation each person has open and visible right now, if any. */
  viewing: Map<string, string | null>;
  viewersOf(conversationId: string): string[];
  party: {
    requests: number;
    forwards: number;
    /** Publishes the conversation rooms skipped for recipients with no tab (lib/rooms/away.ts). */
    skipped: number;
    /** Inbox rooms asking conversation rooms to resume, when a tab connects. */
    resumes: number;
    byKind: Record<string, number>;
    /** Forwards to inbox rooms by the type of the (first) event they carried. */
    forwardsByEvent: Record<string, number>;
  };
  /** A conversation room's publish: how many inbox rooms it forwards to, as the rooms decide. */
  forward(conversationId: string, recipients: readonly string[], eventTypes: string[]): number;
  /** A tab connected to `userId`'s inbox room: the rooms that skipped them resume. */
  resumeInbox(userId: string): void;
  services?: {
    qstash: Awaited<ReturnType<typeof startFakeQStash>>;
    upstash: Awaited<ReturnType<typeof startFakeUpstashRedis>>;
    ai: Awaited<ReturnType<typeof startFakeOpenAI>>;
    dataDir: string;
  };
};

const key = Symbol.for('parley.budget.world');
/** `BUDGET_FANOUT=every`: forward to every recipient, as before online-aware fan-out (to compare). */
export const EVERY_INBOX = process.env.BUDGET_FANOUT === 'every';

export function budgetWorld(): BudgetWorld {
  const g = globalThis as { [key]?: BudgetWorld };
  if (!g[key]) {
    const viewing = new Map<string, string | null>();
    // The same skip rules as lib/rooms/conversation.ts; the inbox side as lib/rooms/inbox.ts.
    const skips = new Map<string, ReturnType<typeof skipList>>();
    const away = new Map<string, { epoch: number; rooms: Set<string> }>();
    const party = {
      requests: 0,
      forwards: 0,
      skipped: 0,
      resumes: 0,
      byKind: {},
      forwardsByEvent: {} as Record<string, number>,
    };
    g[key] = {
      viewing,
      viewersOf: (conversationId) =>
        [...viewing].filter(([, c]) => c === conversationId).map(([userId]) => userId),
      party,
      forward(conversationId, recipients, eventTypes) {
        const room = skips.get(conversationId) ?? skipList();
        skips.set(conversationId, room);
        let forwards = 0;
        for (const userId of new Set(recipients)) {
          if (!EVERY_INBOX && !room.forwardsTo(userId, Date.now())) {
            party.skipped++;
            continue;
          }
          forwards++;
          if (EVERY_INBOX || viewing.has(userId)) continue; // a tab is open: delivered
          const record = away.get(userId) ?? { epoch: 0, rooms: new Set<string>() };
          away.set(userId, record);
          record.rooms.add(conversationId);
          room.answered(userId, record.epoch, Date.now());
        }
        party.forwards += forwards;
        const kind = eventTypes.join('+') || 'none';
        party.forwardsByEvent[kind] = (party.forwardsByEvent[kind] ?? 0) + forwards;
        return forwards;
      },
      resumeInbox(userId) {
        const record = away.get(userId);
        if (!record || record.rooms.size === 0) return;
        record.epoch++;
        for (const conversationId of record.rooms)
          skips.get(conversationId)?.resume(userId, record.epoch);
        party.resumes += record.rooms.size;
        record.rooms.clear();
      },
    };
  }
  return g[key];
}
