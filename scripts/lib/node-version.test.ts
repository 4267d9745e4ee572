import { describe, expect, it } from 'vitest';

import { unsupportedNode } from './node-version.mjs';

describe('unsupportedNode', () => {
  it('refuses Node 20 and 22 before 22.12 with what to do', () => {
    for (const version of ['20.20.2', '22.11.0', '21.7.3']) {
      const problem = unsupportedNode(version);
      expect(problem).toContain(`this is ${version}`);
      expect(problem).toContain('.ci/node.sh');
    }
  });

  it('accepts 22.12 and every later line', () => {
    for (const version of ['22.12.0', '22.23.5', '24.0.0', '24.22.3', '26.1.0']) {
      expect(unsupportedNode(version)).toBeNull();
    }
  });
});
