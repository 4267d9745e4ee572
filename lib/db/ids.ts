const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Prefixed random ids (`u_…`, `tok_…`): URL-, room- and log-safe, 20 random base-36 characters. */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return `${prefix}_${out}`;
}
