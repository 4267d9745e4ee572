import type { Store } from '../store';
import { connect, disconnect } from './connection';
import { createModels } from './models';
import { tokenFunctions } from './tokens';
import { userFunctions } from './users';

export { databaseName } from './connection';

/**
 * The MongoDB adapter (mongoose). Resolves once the server answers and the schemas' indexes
 * exist, so the unique email and token-hash constraints hold from the first write.
 */
export async function createMongoStore({
  uri,
  dbName,
}: {
  uri: string;
  dbName: string;
}): Promise<Store> {
  const conn = await connect({ uri, dbName });
  const models = createModels(conn);
  await Promise.all([models.User.init(), models.Account.init(), models.ApiToken.init()]);

  return {
    kind: 'mongo',
    async ping() {
      if (!conn.db) throw new Error('MongoDB connection is closed');
      await conn.db.command({ ping: 1 });
    },
    async close() {
      await disconnect(conn, { uri, dbName });
    },
    ...userFunctions(models),
    ...tokenFunctions(models),
  };
}
