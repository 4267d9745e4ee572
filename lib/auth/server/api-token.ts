import 'server-only';

import { sha256Hex } from '@/lib/crypto';

/**
 * Personal API tokens: `plk_` + 32 random bytes (base64url). Only the SHA-256 hash is stored, so a
 * leaked database does not leak usable tokens; the plain token is shown once, at creation.
 */
export const API_TOKEN_PREFIX = 'plk_';

export function generateApiToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return API_TOKEN_PREFIX + Buffer.from(bytes).toString('base64url');
}

export function hashApiToken(token: string): Promise<string> {
  return sha256Hex(token);
}

export function looksLikeApiToken(value: string): boolean {
  return /^plk_[A-Za-z0-9_-]{43}$/.test(value);
}
