import { describe, expect, it } from 'vitest';

import { shouldSound } from './message-sound';

const base = {
  authorId: 'u_ben',
  meId: 'u_ana',
  muted: false,
  conversationId: 'c_1',
  openId: 'c_2',
  tabVisible: true,
  system: false,
};

describe('shouldSound', () => {
  it('sounds for someone else’s message in a conversation I am not looking at', () => {
    expect(shouldSound(base)).toBe(true);
    expect(shouldSound({ ...base, openId: 'c_1', tabVisible: false })).toBe(true);
  });

  it('stays quiet for the conversation on screen, my own messages, system entries and muted ones', () => {
    expect(shouldSound({ ...base, openId: 'c_1' })).toBe(false);
    expect(shouldSound({ ...base, authorId: 'u_ana' })).toBe(false);
    expect(shouldSound({ ...base, system: true })).toBe(false);
    expect(shouldSound({ ...base, authorId: null })).toBe(false);
    expect(shouldSound({ ...base, muted: true })).toBe(false);
  });
});
