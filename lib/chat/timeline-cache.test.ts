import { describe, expect, it } from 'vitest';

import { canServeFromCache } from './timeline-cache';

const held = { loadedLatest: true, hasMoreAfter: false, lastSeq: 12 };

describe('canServeFromCache', () => {
  it('serves a held timeline that reaches the conversation’s last seq while the inbox is open', () => {
    expect(canServeFromCache({ held, conversationLastSeq: 12, inboxOpen: true })).toBe(true);
  });

  it('fetches when messages were created since (the last seq moved)', () => {
    expect(canServeFromCache({ held, conversationLastSeq: 13, inboxOpen: true })).toBe(false);
  });

  it('fetches when the inbox socket is not open (events may be missed)', () => {
    expect(canServeFromCache({ held, conversationLastSeq: 12, inboxOpen: false })).toBe(false);
  });

  it('fetches when nothing is held, or only events held before a first page', () => {
    expect(canServeFromCache({ held: undefined, conversationLastSeq: 12, inboxOpen: true })).toBe(
      false,
    );
    expect(
      canServeFromCache({
        held: { ...held, loadedLatest: false },
        conversationLastSeq: 12,
        inboxOpen: true,
      }),
    ).toBe(false);
  });

  it('fetches for a window in the past, and for a conversation the sidebar does not know', () => {
    expect(
      canServeFromCache({
        held: { ...held, hasMoreAfter: true },
        conversationLastSeq: 12,
        inboxOpen: true,
      }),
    ).toBe(false);
    expect(canServeFromCache({ held, conversationLastSeq: undefined, inboxOpen: true })).toBe(
      false,
    );
  });
});
