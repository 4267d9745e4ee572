import 'server-only';

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

import { requireSecret } from '@/lib/env';

/**
 * TOTP secrets at rest: AES-256-GCM under a key derived (HKDF) from NEXTAUTH_SECRET, so a copy
 * of the database alone does not yield anyone's second factor. Sealed form: `v1.<iv>.<tag>.<data>`.
 */
function key(): Buffer {
  return Buffer.from(
    hkdfSync('sha256', requireSecret('NEXTAUTH_SECRET'), 'parley', 'two-factor-secret', 32),
  );
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The secret, or null when the box was not sealed with this key (or was tampered with). */
export function open(box: string): string | null {
  const [version, iv, tag, data] = box.split('.');
  if (version !== 'v1' || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
}
