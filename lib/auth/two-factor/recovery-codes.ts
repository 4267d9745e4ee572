import { randomInt } from 'node:crypto';

import { sha256Hex } from '@/lib/crypto';

/**
 * Ten one-time recovery codes, shown once at enrolment. Only their SHA-256 is stored: each has
 * 50 random bits (10 characters of a 32-letter alphabet), too many to guess in the few tries the
 * code limit allows, so a fast hash is enough.
 */
export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What a typed code is compared by: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export const looksLikeRecoveryCode = (code: string) =>
  /^[a-z2-9]{10}$/.test(normaliseRecoveryCode(code));

export const hashRecoveryCode = (code: string) =>
  sha256Hex(`parley-recovery:${normaliseRecoveryCode(code)}`);
