import type { startFakeOpenAI } from '@/test/fake-openai';
import type { startFakeUpstashRedis } from '@/test/fake-upstash-redis';
import type { startFakeQStash } from '@/test/qstash';

/**
 * What the simulated day and the fakes share (one per process, on globalThis: setup.ts and the
 * day run in the same worker but load this module through different module graphs).
 */
export type BudgetWorld = {
  /** Which conversation each person has open and visible right now, if any. */
  viewing: Map<string, string | null>;
  viewersOf(conversationId: string): string[];
  party: { requests: number; forwards: number; byKind: Record<string, number> };
  services?: {
    qstash: Awaited<ReturnType<typeof startFakeQStash>>;
    upstash: Awaited<ReturnType<typeof startFakeUpstashRedis>>;
    ai: Awaited<ReturnType<typeof startFakeOpenAI>>;
    dataDir: string;
  };
};

const key = Symbol.for('parley.budget.world');

export function budgetWorld(): BudgetWorld {
  const g = globalThis as { [key]?: BudgetWorld };
  if (!g[key]) {
    const viewing = new Map<string, string | null>();
    g[key] = {
      viewing,
      viewersOf: (conversationId) =>
        [...viewing].filter(([, c]) => c === conversationId).map(([userId]) => userId),
      party: { requests: 0, forwards: 0, byKind: {} },
    };
  }
  return g[key];
}
