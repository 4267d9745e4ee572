import type { ApiToken, Page, User } from './types';

/**
 * The store port: every durable read and write goes through these verb-first functions, which
 * take one object argument. Adapters: SQLite (embedded default) and MongoDB via mongoose. Both
 * pass the same contract suite (lib/db/contract.ts). Emails arrive normalised (trimmed, lower case).
 */
export interface Store {
  readonly kind: 'sqlite' | 'mongo';
  /** Cheap round trip for the health route; throws when the store is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;

  // ── users ──
  /** Throws StoreConflictError('email') when the email is taken. */
  createUser(input: {
    email: string;
    name: string;
    passwordHash: string | null;
    emailVerified?: boolean;
  }): Promise<User>;
  getUserById(input: { id: string }): Promise<User | null>;
  getUserByEmail(input: { email: string }): Promise<User | null>;
  /** The password hash for credential sign-in; null for unknown emails and OAuth-only people. */
  getPasswordHash(input: { userId: string }): Promise<string | null>;
  updateUser(input: {
    id: string;
    name?: string;
    statusText?: string | null;
    avatarKey?: string | null;
    emailVerified?: boolean;
  }): Promise<User | null>;
  /** Increments and returns the session version. */
  bumpSessionVersion(input: { id: string }): Promise<number>;
  /**
   * People whose name or email starts with `query` (case-insensitive), ordered by name then id.
   * `cursor` is the opaque nextCursor of the previous page.
   */
  searchUsers(input: {
    query: string;
    limit: number;
    cursor?: string | null;
    excludeId?: string;
  }): Promise<Page<User>>;

  // ── OAuth accounts ──
  linkAccount(input: {
    userId: string;
    provider: string;
    providerAccountId: string;
  }): Promise<void>;
  getUserByAccount(input: { provider: string; providerAccountId: string }): Promise<User | null>;

  // ── API tokens (only a hash is stored) ──
  createApiToken(input: { userId: string; name: string; tokenHash: string }): Promise<ApiToken>;
  listApiTokens(input: { userId: string }): Promise<ApiToken[]>;
  /** Deletes the caller's own token; false when there is none with that id for that user. */
  revokeApiToken(input: { userId: string; id: string }): Promise<boolean>;
  /** Finds a live token by hash and records its use. */
  useApiToken(input: { tokenHash: string }): Promise<{ token: ApiToken; user: User } | null>;
}
