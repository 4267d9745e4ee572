import { z } from 'zod';

import type { MemberRole, Page } from './types';

/**
 * The rules both store adapters follow, written once: the key of a direct conversation, who a new
 * group holds, cursors and limit+1 paging, and the longest text each field takes. The adapters
 * keep only what is theirs (SQL or MongoDB queries); the contract suites (test/contracts) check
 * that both end up behaving alike.
 */

// ── conversations and members ──

/** The key that makes the direct conversation of a pair unique: the two ids sorted, ':' between. */
export function directKey(a: string, b: string): string {
  if (a === b) throw new Error('A direct conversation is between two different people');
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** Each id once, first occurrence first (people listed twice are added once). */
export const uniqueIds = (ids: readonly string[]): string[] => [...new Set(ids)];

/** A new group's members: the owner, then everyone else once (the owner listed again ignored). */
export function groupMembers(
  ownerId: string,
  memberIds: readonly string[],
): { userId: string; role: MemberRole }[] {
  const others = uniqueIds(memberIds).filter((id) => id !== ownerId);
  return [
    { userId: ownerId, role: 'owner' },
    ...others.map((userId) => ({ userId, role: 'member' as const })),
  ];
}

// ── cursors and paging ──

/** Where a name-ordered list (people search) resumes: after this lower-cased name, then id. */
export const nameCursorSchema = z.object({ name: z.string(), id: z.string() });
/** Where a newest-first list (notifications) resumes: before this time (ms), then id. */
export const timeCursorSchema = z.object({ at: z.number(), id: z.string() });

/** Opaque pagination cursors: base64url JSON. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The cursor's position, or null when it is absent or not one of ours (the list restarts). */
export function decodeCursor<T>(cursor: string | null | undefined, schema: z.ZodType<T>): T | null {
  if (!cursor) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * How many rows a page holds; adapters fetch one more (`size + 1`) so the extra row says whether
 * there is more. Never negative (a database reads a negative or zero limit as "no limit").
 */
export const pageSize = (limit: number): number => Math.max(0, Math.floor(limit));

/** Splits the `size + 1` rows fetched into the page and whether more lie beyond it. */
export function splitPage<T>(rows: readonly T[], size: number): { page: T[]; hasMore: boolean } {
  return { page: rows.slice(0, size), hasMore: rows.length > size };
}

/** A cursor page from `size + 1` rows: the cursor points after the page's last row. */
export function cursorPage<Row, Item>(
  rows: readonly Row[],
  size: number,
  toItem: (row: Row) => Item,
  positionOf: (row: Row) => unknown,
): Page<Item> {
  const { page, hasMore } = splitPage(rows, size);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: hasMore && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}

/**
 * How a message page is read: upwards (ascending seq) only for `after` alone; otherwise downwards
 * from the newest (or from just below `before`), reversed afterwards so pages are always ascending.
 */
export const readsUpwards = ({ before, after }: { before?: number; after?: number }): boolean =>
  after !== undefined && before === undefined;

/** The `size + 1` rows of a message page, read in `readsUpwards` order, as an ascending page. */
export function seqPage<T>(
  rows: readonly T[],
  size: number,
  upwards: boolean,
): { page: T[]; hasMore: boolean } {
  const { page, hasMore } = splitPage(rows, size);
  return { page: upwards ? page : page.reverse(), hasMore };
}

// ── field limits ──

/**
 * The longest text each field takes, in UTF-16 code units (JavaScript's length). The API's schemas
 * (lib/auth/schemas.ts, lib/chat/schemas.ts) are as strict or stricter; these stop anything that
 * skipped them from landing, in either adapter.
 */
export const FIELD_LIMITS = {
  email: 254,
  userName: 80,
  statusText: 140,
  tokenName: 60,
  groupName: 80,
  messageBody: 4000,
} as const;

export type LimitedField = keyof typeof FIELD_LIMITS;

/** A write broke a field rule the API should have caught first: a bug, answered as a 500. */
export class StoreValidationError extends Error {
  override name = 'StoreValidationError';
  constructor(
    readonly field: LimitedField,
    message: string,
  ) {
    super(message);
  }
}

/** Fields that must not be empty (a body may be: system messages and tombstones have none). */
const REQUIRED: ReadonlySet<LimitedField> = new Set([
  'email',
  'userName',
  'tokenName',
  'groupName',
]);

/**
 * Throws StoreValidationError when a given field is too long, or empty where it is required.
 * Absent (undefined) and null fields are not checked: they are not being written.
 */
export function checkFields(fields: Partial<Record<LimitedField, string | null>>): void {
  for (const [field, value] of Object.entries(fields) as [LimitedField, string | null][]) {
    if (value === undefined || value === null) continue;
    if (value.length > FIELD_LIMITS[field])
      throw new StoreValidationError(field, `${field} is longer than ${FIELD_LIMITS[field]}`);
    if (value.length === 0 && REQUIRED.has(field))
      throw new StoreValidationError(field, `${field} is empty`);
  }
}

// ── notifications ──

/**
 * What makes a notification one of a kind per person: its own `sourceKey` when it names one (a
 * game's notices share the card's message), else the message, else the call.
 */
export function notificationSourceKey(input: {
  sourceKey?: string;
  messageId: string | null;
  callId: string | null;
}): string {
  const key = input.sourceKey ?? input.messageId ?? input.callId;
  if (key === null) throw new Error('A notification needs a sourceKey, a messageId or a callId');
  return key;
}
