'use client';

import { Search } from 'lucide-react';

import { Button } from '@/components/ui/button';
import type { ConversationWire } from '@/lib/chat/wire';
import { useSearchUi } from '@/lib/search/client/search-store';

/** The conversation header's way into search, scoped to that conversation. */
export function SearchInConversationButton({ conversation }: { conversation: ConversationWire }) {
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label="Search in this conversation"
      title="Search in this conversation"
      onClick={() =>
        useSearchUi.getState().openSearch({ id: conversation.id, name: conversation.name })
      }
    >
      <Search aria-hidden size={18} />
    </Button>
  );
}
