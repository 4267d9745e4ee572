import { Schema, type Connection, type Model } from 'mongoose';

import type { PinPolicy } from '../types';

/** A thread's root summary, one per root (`_id` is the root message's id). */
export type ThreadDoc = {
  _id: string;
  conversationId: string;
  replyCount: number;
  lastReplySeq: number;
  lastReplyAt: Date;
  /** Newest first, at most MAX_THREAD_PARTICIPANTS. */
  participants: string[];
};

export type ThreadMembershipDoc = {
  rootId: string;
  userId: string;
  conversationId: string;
  following: boolean;
  lastReadSeq: number;
  updatedAt: Date;
};

export type PinDoc = {
  conversationId: string;
  messageId: string;
  pinnedBy: string;
  pinnedAt: Date;
};

/** A group's pin policy when it differs from the default (`_id` is the conversation id). */
export type PinSettingDoc = { _id: string; policy: PinPolicy };

export const threadSchema = new Schema<ThreadDoc>(
  {
    _id: { type: String, required: true },
    conversationId: { type: String, required: true },
    replyCount: { type: Number, required: true, min: 0 },
    lastReplySeq: { type: Number, required: true, min: 1 },
    lastReplyAt: { type: Date, required: true },
    participants: { type: [String], default: [] },
  },
  { collection: 'threads', versionKey: false },
);

export const threadMembershipSchema = new Schema<ThreadMembershipDoc>(
  {
    rootId: { type: String, required: true },
    userId: { type: String, required: true },
    conversationId: { type: String, required: true },
    following: { type: Boolean, required: true },
    lastReadSeq: { type: Number, required: true, default: 0, min: 0 },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'thread_memberships', versionKey: false },
);
// One membership per person and thread; followers of a thread (notifications).
threadMembershipSchema.index({ rootId: 1, userId: 1 }, { unique: true });
// The Threads view: what one person follows.
threadMembershipSchema.index({ userId: 1, following: 1 });

export const pinSchema = new Schema<PinDoc>(
  {
    conversationId: { type: String, required: true },
    messageId: { type: String, required: true },
    pinnedBy: { type: String, required: true },
    pinnedAt: { type: Date, required: true },
  },
  { collection: 'pins', versionKey: false },
);
// A message is pinned once; the list reads newest first.
pinSchema.index({ conversationId: 1, messageId: 1 }, { unique: true });
pinSchema.index({ conversationId: 1, pinnedAt: -1 });

export const pinSettingSchema = new Schema<PinSettingDoc>(
  {
    _id: { type: String, required: true },
    policy: { type: String, required: true, enum: ['admins_and_author', 'everyone'] },
  },
  { collection: 'pin_settings', versionKey: false },
);

export type ThreadModels = {
  Thread: Model<ThreadDoc>;
  ThreadMembership: Model<ThreadMembershipDoc>;
  Pin: Model<PinDoc>;
  PinSetting: Model<PinSettingDoc>;
};

/** Registers the models on `conn` once: hot reloads get the already compiled ones back. */
export function createThreadModels(conn: Connection): ThreadModels {
  const model = <T>(name: string, schema: Schema<T>): Model<T> =>
    conn.modelNames().includes(name) ? conn.model<T>(name) : conn.model<T>(name, schema);
  return {
    Thread: model('Thread', threadSchema),
    ThreadMembership: model('ThreadMembership', threadMembershipSchema),
    Pin: model('Pin', pinSchema),
    PinSetting: model('PinSetting', pinSettingSchema),
  };
}
