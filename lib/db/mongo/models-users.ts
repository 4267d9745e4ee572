import { Schema } from 'mongoose';

import { newId } from '../ids';
import { FIELD_LIMITS } from '../rules';

// People, their sign-in accounts and API tokens.

/** Documents as stored. Ids are the same prefixed strings the SQLite adapter uses, not ObjectIds. */
export type UserDoc = {
  _id: string;
  email: string;
  name: string;
  /** `name` lower-cased: what search matches and orders by (with `_id`). */
  nameLower: string;
  statusText: string | null;
  avatarKey: string | null;
  passwordHash: string | null;
  emailVerified: boolean;
  sessionVersion: number;
  /** "Let people find me by email" (lib/db/ports/account-security.ts); missing on older documents. */
  findableByEmail?: boolean;
  createdAt: Date;
};

export type AccountDoc = { provider: string; providerAccountId: string; userId: string };

export type ApiTokenDoc = {
  _id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

// The field limits of lib/db/rules.ts: both adapters check them before writing (checkFields); the
// schemas hold them again for documents written any other way. Names are stored as given (callers
// trim them), exactly like the SQLite adapter; emails are normalised here too.
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, default: () => newId('u') },
    email: {
      type: String,
      required: true,
      trim: true,
      lowercase: true,
      maxlength: FIELD_LIMITS.email,
      match: [EMAIL, 'Invalid email address'],
    },
    name: { type: String, required: true, minlength: 1, maxlength: FIELD_LIMITS.userName },
    nameLower: {
      type: String,
      required: true,
      default(this: { name?: unknown }) {
        return typeof this.name === 'string' ? this.name.toLowerCase() : undefined;
      },
    },
    statusText: { type: String, default: null, maxlength: FIELD_LIMITS.statusText },
    avatarKey: { type: String, default: null },
    passwordHash: { type: String, default: null },
    emailVerified: { type: Boolean, required: true, default: false },
    sessionVersion: { type: Number, required: true, default: 0, min: 0 },
    findableByEmail: { type: Boolean, default: false },
    createdAt: { type: Date, required: true, default: () => new Date(), immutable: true },
  },
  { collection: 'users', versionKey: false },
);
userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ nameLower: 1, _id: 1 });
// Sign-up order: the first person is the default admin (getFirstUser).
userSchema.index({ createdAt: 1, _id: 1 });
// Derived (the default above for new documents, this hook when a document is saved), so a document
// never disagrees with itself. Updates through queries set both fields explicitly.
userSchema.pre('validate', function deriveNameLower() {
  if (typeof this.name === 'string') this.nameLower = this.name.toLowerCase();
});

export const accountSchema = new Schema<AccountDoc>(
  {
    provider: { type: String, required: true, minlength: 1 },
    providerAccountId: { type: String, required: true, minlength: 1 },
    userId: { type: String, required: true },
  },
  { collection: 'accounts', versionKey: false },
);
accountSchema.index({ provider: 1, providerAccountId: 1 }, { unique: true });
accountSchema.index({ userId: 1 });

export const apiTokenSchema = new Schema<ApiTokenDoc>(
  {
    _id: { type: String, default: () => newId('tok') },
    userId: { type: String, required: true },
    name: { type: String, required: true, minlength: 1, maxlength: FIELD_LIMITS.tokenName },
    tokenHash: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date(), immutable: true },
    lastUsedAt: { type: Date, default: null },
  },
  { collection: 'api_tokens', versionKey: false },
);
apiTokenSchema.index({ tokenHash: 1 }, { unique: true });
apiTokenSchema.index({ userId: 1, createdAt: -1 });
