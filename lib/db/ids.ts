const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Prefixed random ids (`u_…`, `tok_…`): URL-, room- and log-safe, 20 random base-36 characters. */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return `${prefix}_${out}`;
}

/** Opaque pagination cursors: base64url JSON, parsed defensively (a bad cursor restarts). */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(
  cursor: string | null | undefined,
  guard: (v: unknown) => v is T,
): T | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return guard(value) ? value : null;
  } catch {
    return null;
  }
}

export type NameCursor = { name: string; id: string };
export const isNameCursor = (v: unknown): v is NameCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as NameCursor).name === 'string' &&
  typeof (v as NameCursor).id === 'string';
