import path from 'node:path';

import { env } from '@/lib/env';

import type { DataTransfer } from './transfer';

/** The SQLite file the app uses (the same rule as getStore()). */
export function sqliteDatabasePath(): string {
  return env.SQLITE_PATH ?? path.join(env.PARLEY_DATA_DIR, 'parley.db');
}

/**
 * The transfer port over whichever store is configured (MongoDB when MONGODB_URI is set), opened
 * directly rather than through getStore(), so an import finds the store exactly as it is (getStore
 * would first create the assistant's record, which the export already carries).
 */
export async function openDataTransfer(): Promise<DataTransfer> {
  if (env.MONGODB_URI) {
    const [{ connect, databaseName }, { createModels }, { createMongoTransfer }] =
      await Promise.all([
        import('./mongo/connection'),
        import('./mongo/models'),
        import('./mongo/transfer'),
      ]);
    const target = {
      uri: env.MONGODB_URI,
      dbName: databaseName({
        explicit: env.MONGODB_DB,
        vercelEnv: env.VERCEL_ENV,
        branch: env.VERCEL_GIT_COMMIT_REF,
      }),
    };
    const conn = await connect(target);
    const models = createModels(conn);
    await Promise.all(Object.values(models).map((model) => model.init()));
    return createMongoTransfer(conn, models, target);
  }
  const [{ openDatabase }, { createSqliteTransfer }] = await Promise.all([
    import('./sqlite/connection'),
    import('./sqlite/transfer'),
  ]);
  return createSqliteTransfer(openDatabase(sqliteDatabasePath()));
}
