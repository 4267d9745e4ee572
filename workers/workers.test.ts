import { describe, expect, it } from 'vitest';

import { workers } from './index';

describe('the job registry', () => {
  it('files every worker under its own name, and each name is URL-safe and not reserved', () => {
    for (const [key, definition] of Object.entries(workers)) {
      expect(definition.name).toBe(key);
      expect(key).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
      expect(key).not.toBe('retry');
    }
  });
});
