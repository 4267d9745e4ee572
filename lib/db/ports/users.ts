import type { Page, User } from '../types';

/**
 * People, their OAuth accounts, the built-in people (the assistant) and the first admin. Emails
 * arrive normalised (trimmed, lower case).
 */
export interface UsersPort {
  /** Throws StoreConflictError('email') when the email is taken. */
  createUser(input: {
    email: string;
    name: string;
    passwordHash: string | null;
    emailVerified?: boolean;
  }): Promise<User>;
  getUserById(input: { id: string }): Promise<User | null>;
  getUserByEmail(input: { email: string }): Promise<User | null>;
  /** People with these ids, in no particular order; unknown ids are skipped. */
  getUsersByIds(input: { ids: string[] }): Promise<User[]>;
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
   * People whose name starts with `query` (case-insensitive), ordered by name then id. Never
   * by email: lib/users/server/search.ts decides when a full email may find someone.
   * `cursor` is the opaque nextCursor of the previous page.
   */
  searchUsers(input: {
    query: string;
    limit: number;
    cursor?: string | null;
    excludeId?: string;
  }): Promise<Page<User>>;

  // OAuth accounts
  linkAccount(input: {
    userId: string;
    provider: string;
    providerAccountId: string;
  }): Promise<void>;
  getUserByAccount(input: { provider: string; providerAccountId: string }): Promise<User | null>;

  // System people and admins
  /**
   * Creates the built-in person with this fixed id (the assistant) if missing, else returns it
   * unchanged. No password and no linked account: nobody can sign in as it. Idempotent.
   */
  ensureSystemUser(input: { id: string; email: string; name: string }): Promise<User>;
  /**
   * The person who signed up first (the default admin), skipping `excludeIds` and anyone whose
   * email is at one of `excludeEmailDomains` (exact domain after the "@", lower case).
   */
  getFirstUser(input: {
    excludeIds: string[];
    excludeEmailDomains?: string[];
  }): Promise<User | null>;
}
