import type { AccountSecurityPort } from './ports/account-security';
import type { CallsPort } from './ports/calls';
import type { ConversationsPort, MembershipsPort } from './ports/conversations';
import type { GamesPort } from './ports/games';
import type { JobsPort } from './ports/jobs';
import type { MessagesPort } from './ports/messages';
import type { NotificationSettingsPort, NotificationsPort } from './ports/notifications';
import type { PinsPort } from './ports/pins';
import type { PushSubscriptionsPort } from './ports/push-subscriptions';
import type { SearchPort } from './ports/search';
import type { ThreadsPort } from './ports/threads';
import type { TokensPort } from './ports/tokens';
import type { UploadsPort } from './ports/uploads';
import type { UsersPort } from './ports/users';

export type * from './ports/account-security';
export type * from './ports/calls';
export type * from './ports/conversations';
export type * from './ports/games';
export type * from './ports/jobs';
export type * from './ports/messages';
export type * from './ports/notifications';
export type * from './ports/pins';
export type * from './ports/push-subscriptions';
export type * from './ports/search';
export type * from './ports/threads';
export type * from './ports/tokens';
export type * from './ports/uploads';
export type * from './ports/users';

/** What every adapter has besides its areas: which one it is, a health check, and closing. */
export interface StoreLifecycle {
  readonly kind: 'sqlite' | 'mongo';
  /** Cheap round trip for the health route; throws when the store is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole store: every durable read and write, as verb-first functions that take one object
 * argument. It is the union of one port per area (lib/db/ports/*); a caller takes only the ports
 * it uses (`deps: MessagesPort & MembershipsPort`), so it can be tested with that much. Adapters:
 * SQLite (embedded default, lib/db/sqlite) and MongoDB via mongoose (lib/db/mongo); each area's
 * file implements its port, and both pass the same contract suite per port (test/contracts).
 */
export interface Store
  extends
    StoreLifecycle,
    UsersPort,
    TokensPort,
    ConversationsPort,
    MembershipsPort,
    MessagesPort,
    SearchPort,
    UploadsPort,
    CallsPort,
    GamesPort,
    JobsPort,
    NotificationsPort,
    NotificationSettingsPort,
    PushSubscriptionsPort,
    AccountSecurityPort,
    ThreadsPort,
    PinsPort {}
