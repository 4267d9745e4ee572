import { describe, expect, it } from 'vitest';

import { jobCatalog, jobNames } from '@/lib/jobs/catalog';

import { handlers, jobRegistry } from './index';

describe('the job catalog', () => {
  it('names every job URL-safely (the last segment of /api/jobs/<name>), never "retry"', () => {
    for (const name of jobNames) {
      expect(name).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
      expect(name).not.toBe('retry');
      expect(jobCatalog[name].maxAttempts).toBeGreaterThanOrEqual(1);
      expect(jobCatalog[name].timeoutMs).toBeGreaterThan(0);
    }
  });

  it('has exactly one handler per job, joined under the same name', () => {
    expect(Object.keys(handlers).sort()).toEqual([...jobNames].sort());
    for (const name of jobNames) {
      expect(jobRegistry[name]).toMatchObject({ name, ...jobCatalog[name], run: handlers[name] });
    }
  });
});
