import 'server-only';

import { ensureAssistantUser } from '@/lib/assistant/server/system-user';
import { getStore as openStore, type Store } from '@/lib/db';

// Cached on globalThis like the store itself (every server bundle shares one), promise and all.
const cache = globalThis as unknown as { __parleyAppStore?: Promise<Store> };

/**
 * The store with the records the app relies on from its first request: the assistant's person
 * (found by "New message", messaged directly, author of its replies). lib/db knows no feature, so
 * they meet here, above both. instrumentation.ts calls this at start-up; route handlers, pages and
 * job routes that may touch the assistant take their store from here, which covers processes that
 * never ran it (tests, a serverless instance whose start-up call failed).
 */
export function getStore(): Promise<Store> {
  if (!cache.__parleyAppStore) {
    const ready = openStore().then(async (store) => {
      await ensureAssistantUser(store);
      return store;
    });
    cache.__parleyAppStore = ready;
    // A failure (store unreachable) is not remembered: the next call tries again.
    ready.catch(() => {
      if (cache.__parleyAppStore === ready) cache.__parleyAppStore = undefined;
    });
  }
  return cache.__parleyAppStore;
}
