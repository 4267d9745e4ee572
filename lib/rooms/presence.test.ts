import { describe, expect, it } from 'vitest';

import { aggregateStatus, contactUnion } from './presence';

describe('aggregateStatus', () => {
  it('is offline with no tab', () => {
    expect(aggregateStatus([])).toBe('offline');
  });

  it('is online when any tab is active', () => {
    expect(aggregateStatus([{ state: 'away' }, { state: 'active' }])).toBe('online');
  });

  it('is away when every tab is away', () => {
    expect(aggregateStatus([{ state: 'away' }, { state: 'away' }])).toBe('away');
  });
});

describe('contactUnion', () => {
  it('lists every contact once, in first-seen order', () => {
    expect(contactUnion([{ contacts: ['u_b', 'u_c'] }, { contacts: ['u_c', 'u_d'] }])).toEqual([
      'u_b',
      'u_c',
      'u_d',
    ]);
  });
});
