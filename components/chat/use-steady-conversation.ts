'use client';

import { useState } from 'react';

import { rowsSeeChange } from '@/lib/chat/steady-conversation';
import type { ConversationWire } from '@/lib/chat/wire';

/**
 * `conversation` as message rows see it: the same object while only its per-message fields
 * change. Each new message gives the conversation a new object (last message, seq, unread); rows
 * (memoized MessageItem) then rendered again, every one of them, on every message (#18).
 */
export function useSteadyConversation(conversation: ConversationWire): ConversationWire {
  const [steady, setSteady] = useState(conversation);
  const changed = rowsSeeChange(steady, conversation);
  // React's pattern for state derived from props: set during render, rendered again at once.
  if (changed) setSteady(conversation);
  return changed ? conversation : steady;
}
