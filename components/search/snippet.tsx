import type { z } from 'zod';

import type { snippetSegmentSchema } from '@/lib/search/wire';

type Segment = z.infer<typeof snippetSegmentSchema>;

/** A snippet's segments as text nodes, matches in <mark>: nothing in a message becomes markup. */
export function Snippet({ segments }: { segments: Segment[] }) {
  return (
    <span className="line-clamp-2 break-words text-sm">
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-amber-300/60 px-0.5 text-fg">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}
