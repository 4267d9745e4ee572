import 'server-only';

import path from 'node:path';

import { ASSISTANT_EMAIL, ASSISTANT_ID, ASSISTANT_NAME } from '@/lib/assistant/identity';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

import { createSqliteStore } from './sqlite';
import type { Store } from './store';
import { isStoreConflict } from './types';

export type { Store } from './store';

// Cached on globalThis so `next dev` hot reloads and warm serverless invocations reuse one
// connection instead of leaking them. The promise is cached, so concurrent first calls share it.
const cache = globalThis as unknown as { __parleyStore?: Promise<Store> };

async function openStore(): Promise<Store> {
  const store = await openAdapter();
  // The assistant is a person record, so people find it in "New message" and can message it.
  try {
    await store.ensureSystemUser({
      id: ASSISTANT_ID,
      email: ASSISTANT_EMAIL,
      name: ASSISTANT_NAME,
    });
  } catch (error) {
    // Someone holds its email (an account made before the assistant existed): chat still works.
    if (!isStoreConflict(error)) throw error;
    log.error({ email: ASSISTANT_EMAIL }, 'the assistant cannot be created: its email is taken');
  }
  return store;
}

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

/** The store: MongoDB when MONGODB_URI is set, otherwise the embedded SQLite file. */
export async function getStore(): Promise<Store> {
  if (!cache.__parleyStore) {
    const opening = openStore();
    cache.__parleyStore = opening;
    // An unreachable server is not remembered: the next call tries again.
    opening.catch(() => {
      if (cache.__parleyStore === opening) cache.__parleyStore = undefined;
    });
  }
  return cache.__parleyStore;
}
