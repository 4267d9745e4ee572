import { beforeEach, describe, expect, it } from 'vitest';

import { DRAFT_TTL_MS, useDraftsStore } from './drafts-store';

const draft = (body: string, over: { draftId?: string; conversationId?: string } = {}) => ({
  draftId: over.draftId ?? 'ai-m1',
  conversationId: over.conversationId ?? 'c1',
  authorId: 'u_ai',
  replyToId: 'm1',
  body,
});

const drafts = (conversationId = 'c1') =>
  Object.values(useDraftsStore.getState().byConversation[conversationId] ?? {});

beforeEach(() => {
  useDraftsStore.setState({ byConversation: {}, finished: [] });
});

describe('drafts store', () => {
  it('keeps the latest text of each draft, per conversation', () => {
    const { apply } = useDraftsStore.getState();
    apply(draft('Hel'), 1000);
    apply(draft('Hello'), 1100);
    apply(draft('Other', { draftId: 'ai-m2' }), 1100);
    apply(draft('Elsewhere', { conversationId: 'c2' }), 1100);
    expect(drafts().map((d) => [d.draftId, d.body, d.updatedAt])).toEqual([
      ['ai-m1', 'Hello', 1100],
      ['ai-m2', 'Other', 1100],
    ]);
    expect(drafts('c2').map((d) => d.body)).toEqual(['Elsewhere']);
  });

  it('drops a draft when its message arrives, and ignores updates that come after', () => {
    const { apply, finish } = useDraftsStore.getState();
    apply(draft('Hello'));
    finish('c1', 'ai-m1');
    expect(drafts()).toEqual([]);
    apply(draft('Hello wor'));
    expect(drafts()).toEqual([]);
  });

  it('drops drafts that stopped updating a minute ago, and only those', () => {
    const { apply, prune } = useDraftsStore.getState();
    apply(draft('stale'), 0);
    apply(draft('fresh', { draftId: 'ai-m2' }), 30_000);
    expect(prune(DRAFT_TTL_MS - 1)).toBe(false);
    expect(prune(DRAFT_TTL_MS)).toBe(true);
    expect(drafts().map((d) => d.body)).toEqual(['fresh']);
  });
});
