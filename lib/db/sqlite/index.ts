import type { Store } from '../store';
import { accountSecurityFunctions } from './account-security';
import { callFunctions } from './calls';
import { openDatabase, type Db } from './connection';
import { conversationFunctions } from './conversations';
import { gameFunctions } from './games';
import { jobFunctions } from './jobs';
import { messageFunctions } from './messages';
import { notificationSettingsFunctions } from './notification-settings';
import { notificationFunctions } from './notifications';
import { pinFunctions } from './pins';
import { pushSubscriptionFunctions } from './push-subscriptions';
import { searchFunctions } from './search';
import { threadFunctions } from './threads';
import { tokenFunctions } from './tokens';
import { uploadFunctions } from './uploads';
import { userFunctions } from './users';

export function createSqliteStore(file: string): Store & { db: Db } {
  const db = openDatabase(file);
  const messages = messageFunctions(db);
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
    ...tokenFunctions(db),
    ...conversationFunctions(db),
    ...messages,
    ...searchFunctions(db),
    ...uploadFunctions(db),
    ...callFunctions(db),
    ...gameFunctions(db),
    ...jobFunctions(db),
    ...notificationFunctions(db),
    ...notificationSettingsFunctions(db),
    ...pushSubscriptionFunctions(db),
    ...accountSecurityFunctions(db),
    ...threadFunctions(db, (input) => messages.getMessages(input)),
    ...pinFunctions(db),
  };
}
