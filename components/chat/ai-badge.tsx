import { isAssistant } from '@/lib/assistant/identity';

/**
 * A small "AI" tag after the assistant's name, so nobody takes its words for a person's. Hidden
 * from screen readers: the name "Parley AI" already says it, and buttons keep that exact name.
 */
export function AiBadge({ userId }: { userId: string | null | undefined }) {
  if (!isAssistant(userId)) return null;
  return (
    <span
      aria-hidden="true"
      title="AI assistant"
      className="rounded bg-accent/15 px-1 py-px text-[10px] font-semibold leading-none text-accent"
    >
      AI
    </span>
  );
}
