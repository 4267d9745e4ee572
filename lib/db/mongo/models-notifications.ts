import { Schema } from 'mongoose';

import { newId } from '../ids';
import type { NotificationKind, NotificationLevel } from '../types';
import { created } from './models-fields';

// Notifications, their settings, web push subscriptions.

export type NotificationDoc = {
  _id: string;
  userId: string;
  kind: NotificationKind;
  conversationId: string;
  messageId: string | null;
  callId: string | null;
  /** messageId, else callId: what makes a notification one per person per source. */
  sourceKey: string;
  seq: number | null;
  actorId: string | null;
  preview: string;
  createdAt: Date;
  readAt: Date | null;
  pushedAt: Date | null;
  emailedAt: Date | null;
};

export const notificationSchema = new Schema<NotificationDoc>(
  {
    _id: { type: String, default: () => newId('ntf') },
    userId: { type: String, required: true },
    kind: {
      type: String,
      required: true,
      enum: ['mention', 'dm', 'reply', 'message', 'missed_call', 'game_challenge', 'game_turn'],
    },
    conversationId: { type: String, required: true },
    messageId: { type: String, default: null },
    callId: { type: String, default: null },
    sourceKey: {
      type: String,
      required: true,
      default(this: { messageId?: unknown; callId?: unknown }) {
        const key = this.messageId ?? this.callId;
        return typeof key === 'string' ? key : undefined;
      },
    },
    seq: { type: Number, default: null, min: 1 },
    actorId: { type: String, default: null },
    // Stored as given ('' allowed), like SQLite: the producer shortens it.
    preview: { type: String, default: '' },
    createdAt: created(),
    readAt: { type: Date, default: null },
    pushedAt: { type: Date, default: null },
    emailedAt: { type: Date, default: null },
  },
  { collection: 'notifications', versionKey: false },
);
notificationSchema.index({ userId: 1, sourceKey: 1 }, { unique: true });
// A person's notifications newest first (the list and its cursor), and their unread ones.
notificationSchema.index({ userId: 1, createdAt: -1, _id: -1 });
notificationSchema.index({ userId: 1, readAt: 1 });
// The source key is the message id, else the call id, and nothing else; a game's notices name
// their own (`game-challenge:<id>`, `game-turn:<id>:<version>`): they share the card's message.
notificationSchema.pre('validate', function checkSource() {
  if (this.kind === 'game_challenge' || this.kind === 'game_turn') {
    if (!this.sourceKey?.startsWith('game-'))
      this.invalidate('sourceKey', 'A game notice is keyed by its game');
    return;
  }
  const source = this.messageId ?? this.callId;
  if (source == null) this.invalidate('messageId', 'A notification needs a message or a call');
  else if (this.sourceKey !== source)
    this.invalidate('sourceKey', 'The source key is the message id, else the call id');
});

/** One person's settings, keyed by their user id; absent until they first change something. */
export type NotificationSettingsDoc = {
  _id: string;
  level: NotificationLevel;
  emailDigest: boolean;
  lastDigestAt: Date | null;
  doNotDisturb?: boolean;
};

export const notificationSettingsSchema = new Schema<NotificationSettingsDoc>(
  {
    _id: { type: String, required: true },
    level: {
      type: String,
      required: true,
      enum: ['all', 'mentions', 'nothing'],
      default: 'mentions',
    },
    emailDigest: { type: Boolean, required: true, default: true },
    lastDigestAt: { type: Date, default: null },
    doNotDisturb: { type: Boolean, default: false },
  },
  { collection: 'notification_settings', versionKey: false },
);

export type PushSubscriptionDoc = {
  _id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: Date;
};

export const pushSubscriptionSchema = new Schema<PushSubscriptionDoc>(
  {
    _id: { type: String, default: () => newId('push') },
    userId: { type: String, required: true },
    endpoint: { type: String, required: true, minlength: 1 },
    p256dh: { type: String, required: true, minlength: 1 },
    auth: { type: String, required: true, minlength: 1 },
    createdAt: created(),
  },
  { collection: 'push_subscriptions', versionKey: false },
);
// An endpoint is one browser: it belongs to one person at a time.
pushSubscriptionSchema.index({ endpoint: 1 }, { unique: true });
pushSubscriptionSchema.index({ userId: 1, createdAt: 1 });
