'use client';

import { shortTime } from '@/lib/chat/describe';
import type { SearchResultWire } from '@/lib/search/wire';

import { Snippet } from './snippet';

export const optionId = (messageId: string) => `search-result-${messageId}`;

/** Results grouped by conversation, in the order they came (newest or most relevant first). */
export function groupByConversation(results: SearchResultWire[]) {
  const groups = new Map<string, { name: string; results: SearchResultWire[] }>();
  for (const r of results) {
    const group = groups.get(r.conversation.id) ?? { name: r.conversation.name, results: [] };
    group.results.push(r);
    groups.set(r.conversation.id, group);
  }
  return [...groups.entries()].map(([id, g]) => ({ id, ...g }));
}

/** The results listbox: options are picked with the arrow keys in the field, or clicked. */
export function SearchResults({
  listId,
  results,
  activeId,
  onPick,
}: {
  listId: string;
  results: SearchResultWire[];
  activeId: string | null;
  onPick: (result: SearchResultWire) => void;
}) {
  return (
    <div id={listId} role="listbox" aria-label="Search results" className="flex flex-col gap-3">
      {groupByConversation(results).map((group) => (
        <div key={group.id} role="group" aria-label={group.name}>
          <p className="px-2 pb-1 text-xs font-semibold uppercase text-muted" aria-hidden>
            {group.name}
          </p>
          {group.results.map((r) => (
            <div
              key={r.message.id}
              id={optionId(r.message.id)}
              role="option"
              aria-selected={activeId === r.message.id}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(r)}
              className="flex cursor-pointer flex-col gap-0.5 rounded-md px-2 py-1.5 aria-selected:bg-surface-2 hover:bg-surface-2"
            >
              <Snippet segments={r.snippet} />
              <span className="text-xs text-muted">{shortTime(r.message.createdAt)}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
