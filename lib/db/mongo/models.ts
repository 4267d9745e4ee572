import type { Connection, Model, Schema } from 'mongoose';

import { callSchema, jobSchema, type CallDoc, type JobDoc } from './models-calls-jobs';
import {
  conversationSchema,
  membershipSchema,
  messageSchema,
  uploadSchema,
  type ConversationDoc,
  type MembershipDoc,
  type MessageDoc,
  type UploadDoc,
} from './models-chat';
import {
  notificationSchema,
  notificationSettingsSchema,
  pushSubscriptionSchema,
  type NotificationDoc,
  type NotificationSettingsDoc,
  type PushSubscriptionDoc,
} from './models-notifications';
import {
  accountSchema,
  apiTokenSchema,
  userSchema,
  type AccountDoc,
  type ApiTokenDoc,
  type UserDoc,
} from './models-users';
import { createThreadModels, type ThreadModels } from './thread-models';

// The schemas live per area (models-*.ts); this module registers them and re-exports them, so
// callers keep importing './models'.
export * from './models-calls-jobs';
export * from './models-chat';
export * from './models-notifications';
export * from './models-users';

/** Every model; threads and pins (thread-models.ts) are among them. */
export type Models = ThreadModels & {
  User: Model<UserDoc>;
  Account: Model<AccountDoc>;
  ApiToken: Model<ApiTokenDoc>;
  Conversation: Model<ConversationDoc>;
  Membership: Model<MembershipDoc>;
  Message: Model<MessageDoc>;
  Upload: Model<UploadDoc>;
  Call: Model<CallDoc>;
  Job: Model<JobDoc>;
  Notification: Model<NotificationDoc>;
  NotificationSettings: Model<NotificationSettingsDoc>;
  PushSubscription: Model<PushSubscriptionDoc>;
};

/** Registers the models on `conn` once: hot reloads get the already compiled ones back. */
export function createModels(conn: Connection): Models {
  const model = <T>(name: string, schema: Schema<T>): Model<T> =>
    conn.modelNames().includes(name) ? conn.model<T>(name) : conn.model<T>(name, schema);
  return {
    User: model('User', userSchema),
    Account: model('Account', accountSchema),
    ApiToken: model('ApiToken', apiTokenSchema),
    Conversation: model('Conversation', conversationSchema),
    Membership: model('Membership', membershipSchema),
    Message: model('Message', messageSchema),
    Upload: model('Upload', uploadSchema),
    Call: model('Call', callSchema),
    Job: model('Job', jobSchema),
    Notification: model('Notification', notificationSchema),
    NotificationSettings: model('NotificationSettings', notificationSettingsSchema),
    PushSubscription: model('PushSubscription', pushSubscriptionSchema),
    ...createThreadModels(conn),
  };
}
