import { describe, expect, it } from 'vitest';

import { isStoreConflict, StoreConflictError } from './types';

describe('isStoreConflict', () => {
  it('recognises a conflict from any copy of the class (server bundles each have one)', () => {
    expect(isStoreConflict(new StoreConflictError('email'))).toBe(true);
    // What another bundle's copy of the class throws: same name and shape, different class.
    class StoreConflictErrorCopy extends Error {
      override name = 'StoreConflictError';
      constructor(readonly field: string) {
        super(`${field} already exists`);
      }
    }
    const copy = new StoreConflictErrorCopy('email');
    expect(copy instanceof StoreConflictError).toBe(false);
    expect(isStoreConflict(copy)).toBe(true);
    expect(isStoreConflict(new Error('email already exists'))).toBe(false);
    expect(isStoreConflict({ name: 'StoreConflictError', field: 'email' })).toBe(false);
  });
});
