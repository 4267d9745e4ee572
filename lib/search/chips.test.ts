import { describe, expect, it } from 'vitest';

import { addToken, chipsOf, removeToken } from './chips';

describe('filter chips', () => {
  it('shows each accepted filter of the query as a chip', () => {
    expect(chipsOf('lunch from:@ana has:image in:#team').map((c) => c.label)).toEqual([
      'from:@ana',
      'has:image',
      'in:#team',
    ]);
  });

  it('leaves half-typed or invalid filters as text', () => {
    expect(chipsOf('lunch has:vid before:2026-13')).toEqual([]);
  });

  it('removes exactly the chip’s token, and adds a token once', () => {
    expect(removeToken('lunch has:image  today', 'has:image')).toBe('lunch today');
    expect(addToken('lunch', 'has:link')).toBe('lunch has:link');
    expect(addToken('lunch has:link', 'has:link')).toBe('lunch has:link');
  });
});
