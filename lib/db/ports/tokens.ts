import type { ApiToken, User } from '../types';

/** Personal API tokens: only a hash is stored. */
export interface TokensPort {
  createApiToken(input: { userId: string; name: string; tokenHash: string }): Promise<ApiToken>;
  listApiTokens(input: { userId: string }): Promise<ApiToken[]>;
  /** Deletes the caller's own token; false when there is none with that id for that user. */
  revokeApiToken(input: { userId: string; id: string }): Promise<boolean>;
  /** Finds a live token by hash and records its use. */
  useApiToken(input: { tokenHash: string }): Promise<{ token: ApiToken; user: User } | null>;
}
