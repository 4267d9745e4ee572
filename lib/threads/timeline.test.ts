import { describe, expect, it } from 'vitest';

import type { MessageWire } from '@/lib/chat/wire';

import { inMainTimeline, mainTimeline } from './timeline';

const m = (id: string, threadRootId: string | null, alsoInConversation = false) =>
  ({ id, threadRootId, alsoInConversation }) as MessageWire;

describe('mainTimeline', () => {
  it('keeps roots, plain messages and replies also sent to the conversation', () => {
    const timeline = { messages: [m('a', null), m('b', 'a'), m('c', 'a', true)], other: 1 };
    expect(mainTimeline(timeline)).toEqual({
      messages: [m('a', null), m('c', 'a', true)],
      other: 1,
    });
  });
  it('hands back the same object when nothing is hidden', () => {
    const timeline = { messages: [m('a', null)] };
    expect(mainTimeline(timeline)).toBe(timeline);
  });
  it('tells replies kept in their thread apart', () => {
    expect(inMainTimeline(m('b', 'a'))).toBe(false);
    expect(inMainTimeline(m('a', null))).toBe(true);
  });
});
