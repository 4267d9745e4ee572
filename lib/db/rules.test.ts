import { describe, expect, it } from 'vitest';

import {
  checkFields,
  cursorPage,
  decodeCursor,
  directKey,
  encodeCursor,
  FIELD_LIMITS,
  groupMembers,
  nameCursorSchema,
  pageSize,
  readsUpwards,
  seqPage,
  splitPage,
  StoreValidationError,
  timeCursorSchema,
  uniqueIds,
} from './rules';

describe('directKey', () => {
  it('names a pair the same whichever way round it is asked for', () => {
    expect(directKey('u_b', 'u_a')).toBe('u_a:u_b');
    expect(directKey('u_a', 'u_b')).toBe('u_a:u_b');
  });

  it('refuses one person twice', () => {
    expect(() => directKey('u_a', 'u_a')).toThrow('two different people');
  });
});

describe('members', () => {
  it('keeps each id once, first occurrence first', () => {
    expect(uniqueIds(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
  });

  it('makes the owner the owner and everyone else a member once, ignoring the owner listed again', () => {
    expect(groupMembers('o', ['x', 'o', 'y', 'x'])).toEqual([
      { userId: 'o', role: 'owner' },
      { userId: 'x', role: 'member' },
      { userId: 'y', role: 'member' },
    ]);
  });
});

describe('cursors', () => {
  it('round-trips a position', () => {
    const at = { at: 1_700_000_000_000, id: 'n_1' };
    expect(decodeCursor(encodeCursor(at), timeCursorSchema)).toEqual(at);
    const name = { name: 'ana', id: 'u_1' };
    expect(decodeCursor(encodeCursor(name), nameCursorSchema)).toEqual(name);
  });

  it('restarts (null) on an absent, garbled or foreign cursor', () => {
    expect(decodeCursor(null, timeCursorSchema)).toBeNull();
    expect(decodeCursor('', timeCursorSchema)).toBeNull();
    expect(decodeCursor('%%%not base64%%%', timeCursorSchema)).toBeNull();
    expect(decodeCursor(Buffer.from('{oops').toString('base64url'), timeCursorSchema)).toBeNull();
    // A name cursor handed to a time-ordered list.
    expect(decodeCursor(encodeCursor({ name: 'a', id: 'u' }), timeCursorSchema)).toBeNull();
  });
});

describe('paging', () => {
  it('never asks for a negative or fractional page', () => {
    expect(pageSize(20)).toBe(20);
    expect(pageSize(2.7)).toBe(2);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(-5)).toBe(0);
  });

  it('reads the extra row as "there is more"', () => {
    expect(splitPage([1, 2, 3], 2)).toEqual({ page: [1, 2], hasMore: true });
    expect(splitPage([1, 2], 2)).toEqual({ page: [1, 2], hasMore: false });
    expect(splitPage([1], 0)).toEqual({ page: [], hasMore: true });
  });

  it('points the next cursor after the last row of the page, only when there is more', () => {
    const rows = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 'c', n: 3 },
    ];
    const full = cursorPage(
      rows,
      2,
      (r) => r.id,
      (r) => ({ id: r.id }),
    );
    expect(full.items).toEqual(['a', 'b']);
    expect(full.nextCursor).toBe(encodeCursor({ id: 'b' }));
    expect(
      cursorPage(
        rows,
        3,
        (r) => r.id,
        (r) => r,
      ).nextCursor,
    ).toBeNull();
    // An empty page has no last row to resume after.
    expect(
      cursorPage(
        rows,
        0,
        (r) => r.id,
        (r) => r,
      ),
    ).toEqual({ items: [], nextCursor: null });
  });

  it('reads messages upwards only for `after` alone, and always returns them ascending', () => {
    expect(readsUpwards({ after: 5 })).toBe(true);
    expect(readsUpwards({ before: 9, after: 5 })).toBe(false);
    expect(readsUpwards({ before: 9 })).toBe(false);
    expect(readsUpwards({})).toBe(false);
    expect(seqPage([6, 7, 8], 2, true)).toEqual({ page: [6, 7], hasMore: true });
    expect(seqPage([9, 8, 7], 2, false)).toEqual({ page: [8, 9], hasMore: true });
  });
});

describe('checkFields', () => {
  it('accepts each field at its limit, and absent or null fields', () => {
    expect(() =>
      checkFields({
        email: 'a'.repeat(FIELD_LIMITS.email),
        userName: 'n'.repeat(FIELD_LIMITS.userName),
        statusText: null,
        tokenName: undefined,
        messageBody: '',
      }),
    ).not.toThrow();
  });

  it.each(Object.keys(FIELD_LIMITS) as (keyof typeof FIELD_LIMITS)[])(
    'refuses a %s one character too long',
    (field) => {
      const tooLong = 'x'.repeat(FIELD_LIMITS[field] + 1);
      expect(() => checkFields({ [field]: tooLong })).toThrow(StoreValidationError);
      expect(() => checkFields({ [field]: tooLong })).toThrow(expect.objectContaining({ field }));
    },
  );

  it('refuses empty names and emails, but not an empty body or status', () => {
    for (const field of ['email', 'userName', 'tokenName', 'groupName'] as const)
      expect(() => checkFields({ [field]: '' })).toThrow(StoreValidationError);
    expect(() => checkFields({ messageBody: '', statusText: '' })).not.toThrow();
  });
});
