import type { Store } from '../store';
import { accountSecurityFunctions, createAccountSecurityModels } from './account-security';
import { callFunctions } from './calls';
import { connect, disconnect } from './connection';
import { conversationFunctions, membershipFunctions } from './conversations';
import { createGameModels, gameFunctions } from './games';
import { jobFunctions } from './jobs';
import { messageFunctions } from './messages';
import { createModels } from './models';
import { notificationSettingsFunctions } from './notification-settings';
import { notificationFunctions } from './notifications';
import { pinFunctions } from './pins';
import { outboxFunctions } from './outbox';
import { pushSubscriptionFunctions } from './push-subscriptions';
import { backfillSearchFields, searchFunctions } from './search';
import { threadFunctions } from './threads';
import { tokenFunctions } from './tokens';
import { uploadFunctions } from './uploads';
import { userFunctions } from './users';

export { databaseName } from './connection';

/**
 * The MongoDB adapter (mongoose). Resolves once the server answers and the schemas' indexes
 * exist, so the unique constraints (email, token hash, direct key, seq, clientId…) hold from the
 * first write.
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
  const securityModels = createAccountSecurityModels(conn);
  const gameModels = createGameModels(conn);
  await Promise.all(
    [...Object.values(models), ...Object.values(securityModels), ...Object.values(gameModels)].map(
      (model) => model.init(),
    ),
  );
  const { relayOutbox: relayGameOutbox, ...games } = gameFunctions(gameModels, models);
  const relayOtherOutboxes = outboxFunctions(models).relayOutbox;
  await backfillSearchFields(models);
  const messages = messageFunctions(models);

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
    ...conversationFunctions(models),
    ...membershipFunctions(models),
    ...messages,
    ...searchFunctions(models),
    ...uploadFunctions(models),
    ...callFunctions(models),
    ...jobFunctions(models),
    ...games,
    // Messages' and calls' outboxes, then games' (lib/db/mongo/games.ts keeps its own).
    async relayOutbox(input) {
      return (await relayOtherOutboxes(input)) + (await relayGameOutbox(input));
    },
    ...notificationFunctions(models),
    ...notificationSettingsFunctions(models),
    ...pushSubscriptionFunctions(models),
    ...accountSecurityFunctions(models, securityModels),
    ...threadFunctions(models, (input) => messages.getMessages(input)),
    ...pinFunctions(models),
  };
}
