import type { Store } from '../store';
import { callFunctions } from './calls';
import { openDatabase, type Db } from './connection';
import { conversationFunctions } from './conversations';
import { messageFunctions } from './messages';
import { uploadFunctions } from './uploads';
import { userFunctions } from './users';

export function createSqliteStore(file: string): Store & { db: Db } {
  const db = openDatabase(file);
  return {
    kind: 'sqlite',
    db,
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      db.close();
    },
    ...userFunctions(db),
    ...conversationFunctions(db),
    ...messageFunctions(db),
    ...uploadFunctions(db),
    ...callFunctions(db),
  };
}
