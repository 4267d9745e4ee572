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
