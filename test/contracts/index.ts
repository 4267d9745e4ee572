import { accountSecurityContract } from './account-security';
import { callsContract } from './calls';
import { conversationsContract } from './conversations';
import type { OpenStore } from './fixtures';
import { gamesContract } from './games';
import { jobOutcomesContract } from './job-outcomes';
import { jobsContract } from './jobs';
import { messagesContract } from './messages';
import { notificationSettingsContract } from './notification-settings';
import { notificationDeliveriesContract } from './notification-deliveries';
import { notificationsContract } from './notifications';
import { outboxContract } from './outbox';
import { pinsContract } from './pins';
import { pushSubscriptionsContract } from './push-subscriptions';
import { searchContract } from './search';
import { threadsContract } from './threads';
import { tokensContract } from './tokens';
import { uploadsContract } from './uploads';
import { usersContract } from './users';

/**
 * Every port's contract against one adapter: lib/db/sqlite/sqlite.test.ts runs it always,
 * lib/db/mongo/mongo.test.ts when MONGODB_URI is set. A new port adds its suite here, so both
 * adapters run it. Each suite opens its own fresh store (`open`).
 */
export function storeContracts(adapter: string, open: OpenStore): void {
  usersContract(adapter, open);
  tokensContract(adapter, open);
  conversationsContract(adapter, open);
  messagesContract(adapter, open);
  searchContract(adapter, open);
  uploadsContract(adapter, open);
  callsContract(adapter, open);
  gamesContract(adapter, open);
  jobsContract(adapter, open);
  jobOutcomesContract(adapter, open);
  outboxContract(adapter, open);
  notificationsContract(adapter, open);
  notificationDeliveriesContract(adapter, open);
  notificationSettingsContract(adapter, open);
  pushSubscriptionsContract(adapter, open);
  accountSecurityContract(adapter, open);
  threadsContract(adapter, open);
  pinsContract(adapter, open);
}
