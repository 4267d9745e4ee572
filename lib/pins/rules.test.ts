import { describe, expect, it } from 'vitest';

import { canPin } from './rules';

const base = {
  conversationKind: 'group' as const,
  role: 'member' as const,
  policy: 'admins_and_author' as const,
  userId: 'u_me',
  authorId: 'u_other',
};

describe('canPin', () => {
  it('lets anyone pin in a direct conversation', () => {
    expect(canPin({ ...base, conversationKind: 'direct' })).toBe(true);
  });
  it('lets a group’s owner and admins pin anything', () => {
    expect(canPin({ ...base, role: 'admin' })).toBe(true);
    expect(canPin({ ...base, role: 'owner' })).toBe(true);
  });
  it('lets a member pin only their own message under the default policy', () => {
    expect(canPin(base)).toBe(false);
    expect(canPin({ ...base, authorId: 'u_me' })).toBe(true);
  });
  it('lets every member pin when the group says so', () => {
    expect(canPin({ ...base, policy: 'everyone' })).toBe(true);
  });
});
