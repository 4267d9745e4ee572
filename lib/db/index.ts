import 'server-only';

import path from 'node:path';

import { env } from '@/lib/env';

import { createSqliteStore } from './sqlite';
import type { Store } from './store';

export type { Store } from './store';

// Cached on globalThis so `next dev` hot reloads reuse one connection instead of leaking them.
const cache = globalThis as unknown as { __parleyStore?: Store };

export function getStore(): Store {
  cache.__parleyStore ??= createSqliteStore(
    env.SQLITE_PATH ?? path.join(env.PARLEY_DATA_DIR, 'parley.db'),
  );
  return cache.__parleyStore;
}
