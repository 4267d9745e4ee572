'use client';

import { useEffect } from 'react';

import { useComposerDrafts } from '@/lib/chat/client/composer-drafts';

/** This person's unsent text in a conversation ('' when none), read from localStorage once. */
export function useDraftText(conversationId: string, meId: string): string {
  useEffect(() => useComposerDrafts.getState().load(meId), [meId]);
  return useComposerDrafts((s) => (s.userId === meId ? (s.texts[conversationId] ?? '') : ''));
}

/** The sidebar's mark for a conversation with a draft: "Draft:" and the start of the text. */
export function DraftPreview({ text }: { text: string }) {
  return (
    <span className="truncate text-sm text-muted" data-testid="draft-mark">
      <span className="font-semibold text-danger">Draft:</span> {text.replace(/\s+/g, ' ')}
    </span>
  );
}
