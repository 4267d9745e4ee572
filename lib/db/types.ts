/** Records the store returns. Dates are Date objects; optional text is null, never undefined. */

export type User = {
  id: string;
  email: string;
  name: string;
  statusText: string | null;
  /** Blob key of the processed avatar, or null for generated initials. */
  avatarKey: string | null;
  emailVerified: boolean;
  /** Bumped by "sign out everywhere": sessions minted with an older version stop working. */
  sessionVersion: number;
  createdAt: Date;
};

export type PublicUser = Pick<User, 'id' | 'name'> & { image: string | null };

export type ApiToken = {
  id: string;
  userId: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

/** A unique constraint said no (an email taken, say); routes turn it into 409. */
export class StoreConflictError extends Error {
  override name = 'StoreConflictError';
  constructor(readonly field: string) {
    super(`${field} already exists`);
  }
}

/**
 * Whether `error` is a StoreConflictError. Not `instanceof`: the store is shared on globalThis
 * by every bundle of the server (instrumentation starts the job dispatcher, which opens it), and
 * each bundle has its own copy of this class, so the error may come from another copy.
 */
export function isStoreConflict(error: unknown): error is StoreConflictError {
  return (
    error instanceof Error &&
    error.name === 'StoreConflictError' &&
    typeof (error as { field?: unknown }).field === 'string'
  );
}

// The records of each area live in their own file; this module is the one import path for all.
export * from './call-types';
export * from './conversation-types';
export * from './job-types';
export * from './notification-types';
