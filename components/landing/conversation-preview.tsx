import { Hash, Phone, Video } from 'lucide-react';

import { Markdown } from '@/components/chat/markdown';
import { Avatar } from '@/components/ui/avatar';

type Sample = { author: string; time: string; body: string; reactions?: string[] };

// Sample content, shown as a preview: nobody real wrote it and it is not stored anywhere.
const SAMPLE: Sample[] = [
  {
    author: 'Maya Chen',
    time: '9:41',
    body: 'Release notes are up — can someone give them a read?',
  },
  { author: 'Maya Chen', time: '9:41', body: 'The **mobile** fixes are the big one this week.' },
  {
    author: 'Leo Park',
    time: '9:43',
    body: 'On it. Found one typo in the retry example:\n\n```ts\nawait retry(send, { attempts: 3 })\n```',
    reactions: ['👀 2'],
  },
  {
    author: 'Parley AI',
    time: '9:44',
    body: 'Summary: 3 fixes, 1 new setting, no breaking changes.',
    reactions: ['🙏 3'],
  },
];

/**
 * A conversation drawn with the app's own Avatar and Markdown components, so the landing page
 * shows what the product looks like. Marked as a preview with sample content, and inert.
 */
export function ConversationPreview() {
  const members = SAMPLE.map((s, i) => ({ id: `sample-${i}`, name: s.author }));
  return (
    <figure
      aria-label="Preview of a conversation (sample content)"
      className="overflow-hidden rounded-[var(--radius-card)] border border-border bg-bg shadow-[var(--shadow-pop)]"
    >
      <div className="flex items-center gap-2 border-b border-border px-4 py-2.5">
        <Hash aria-hidden size={16} className="text-muted" />
        <span className="font-semibold">release-week</span>
        <span className="ml-auto flex items-center gap-3 text-muted">
          <Phone aria-hidden size={16} />
          <Video aria-hidden size={16} />
        </span>
      </div>
      <div className="space-y-0.5 py-3">
        {SAMPLE.map((m, i) => {
          const startsGroup = i === 0 || SAMPLE[i - 1]?.author !== m.author;
          return (
            <div key={i} className={startsGroup ? 'flex gap-3 px-4 pt-2' : 'flex gap-3 px-4'}>
              <div className="w-9 shrink-0">
                {startsGroup ? <Avatar name={m.author} size={36} /> : null}
              </div>
              <div className="min-w-0 flex-1">
                {startsGroup ? (
                  <p className="flex items-baseline gap-2">
                    <span className="font-semibold">{m.author}</span>
                    <span className="text-xs text-muted">{m.time}</span>
                  </p>
                ) : null}
                <Markdown body={m.body} members={members} />
                {m.reactions ? (
                  <p className="mt-1 flex gap-1">
                    {m.reactions.map((r) => (
                      <span
                        key={r}
                        className="rounded-full border border-border bg-surface px-2 text-sm"
                      >
                        {r}
                      </span>
                    ))}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      <figcaption className="border-t border-border bg-surface px-4 py-2 text-xs text-muted">
        Preview with sample content
      </figcaption>
    </figure>
  );
}
