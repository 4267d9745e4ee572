import 'server-only';

import path from 'node:path';

import { env } from '@/lib/env';

import { createSqliteStore } from './sqlite';
import type { Store } from './store';

export type { Store } from './store';

// Cached on globalThis so `next dev` hot reloads and warm serverless invocations reuse one
// connection instead of leaking them. The promise is cached, so concurrent first calls share it.
const cache = globalThis as unknown as { __parleyStore?: Promise<Store> };

async function openAdapter(): Promise<Store> {
  if (env.MONGODB_URI) {
    // Loaded only here, so the SQLite path never loads mongoose.
    const { createMongoStore, databaseName } = await import('./mongo');
    return createMongoStore({
      uri: env.MONGODB_URI,
      dbName: databaseName({
        explicit: env.MONGODB_DB,
        vercelEnv: env.VERCEL_ENV,
        branch: env.VERCEL_GIT_COMMIT_REF,
      }),
    });
  }
  return createSqliteStore(env.SQLITE_PATH ?? path.join(env.PARLEY_DATA_DIR, 'parley.db'));
}

/**
 * The store: MongoDB when MONGODB_URI is set, otherwise the embedded SQLite file. It holds no
 * feature's records: what the app needs in it from the start (the assistant's person) is added by
 * lib/app-store.ts, a layer above.
 */
export async function getStore(): Promise<Store> {
  if (!cache.__parleyStore) {
    const opening = openAdapter();
    cache.__parleyStore = opening;
    // An unreachable server is not remembered: the next call tries again.
    opening.catch(() => {
      if (cache.__parleyStore === opening) cache.__parleyStore = undefined;
    });
  }
  return cache.__parleyStore;
}
