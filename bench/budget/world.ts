import type { startFakeOpenAI } from '@/test/fake-openai';
import type { startFakeUpstashRedis } from '@/test/fake-upstash-redis';
import { SKIP_FOR_MS, skipList } from '@/lib/rooms/away';
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
    /**
     * Forwards the conversation rooms skipped: the recipient had no tab, or their tab was looking
     * at that conversation and heard it there (lib/rooms/away.ts).
     */
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
  /** `userId`'s tab stopped looking at a conversation (its `leave` frame). */
  leave(userId: string, conversationId: string): void;
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
    // The same skip rules as lib/rooms/conversation.ts; the inbox side as lib/rooms/away.ts.
    // One tab per person: their inbox needs no forward from a room when they have no tab, or
    // when that tab is looking at the room's conversation.
    const skips = new Map<string, ReturnType<typeof skipList>>();
    const roomOf = (conversationId: string) => {
      const room = skips.get(conversationId) ?? skipList();
      skips.set(conversationId, room);
      return room;
    };
    const away = new Map<string, { epoch: number; rooms: Map<string, number> }>();
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
        const room = roomOf(conversationId);
        const membership = eventTypes.some((t) => t.startsWith('member.'));
        let forwards = 0;
        for (const userId of new Set(recipients)) {
          if (!EVERY_INBOX && !membership && room.skips(userId, Date.now())) {
            party.skipped++;
            continue;
          }
          forwards++;
          const where = viewing.get(userId);
          if (EVERY_INBOX || (where !== undefined && where !== conversationId)) continue;
          const record = away.get(userId) ?? { epoch: 0, rooms: new Map<string, number>() };
          away.set(userId, record);
          record.rooms.set(conversationId, Date.now());
          room.answered(userId, record.epoch, room.generation(userId), Date.now());
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
        for (const [conversationId, at] of record.rooms) {
          if (Date.now() - at >= SKIP_FOR_MS + 60_000) continue;
          roomOf(conversationId).resume(userId, record.epoch);
          party.resumes++;
        }
        record.rooms.clear();
      },
      leave(userId, conversationId) {
        roomOf(conversationId).left(userId);
      },
    };
  }
  return g[key];
}
