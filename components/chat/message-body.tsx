'use client';

import { lazy, Suspense, type ReactNode } from 'react';

import { findMentions, type MentionMember } from '@/lib/chat/mentions';
import { needsMarkdown } from '@/lib/chat/needs-markdown';

import { BODY_CLASS, MENTION_CLASSES, MENTION_OF_YOU } from './mention-style';

// The Markdown parser is the largest part of the chat page's JavaScript; most messages are plain
// sentences that never need it, so it is fetched when the first message that does is shown.
const Markdown = lazy(() => import('./markdown').then((m) => ({ default: m.Markdown })));

type Props = { body: string; members?: readonly MentionMember[]; meId?: string | null };

/** The text with members' `@Name` highlighted, as the Markdown renderer's mention spans are. */
function withMentions(body: string, members: readonly MentionMember[], meId: string | null) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const { start, end, member } of findMentions(body, members)) {
    if (start > last) parts.push(body.slice(last, start));
    const mine = member.id === meId;
    parts.push(
      <span
        key={start}
        className={(mine ? MENTION_CLASSES.mine : MENTION_CLASSES.other).join(' ')}
        data-mention={member.id}
        aria-label={mine ? MENTION_OF_YOU : undefined}
      >
        {body.slice(start, end)}
      </span>,
    );
    last = end;
  }
  if (last < body.length) parts.push(body.slice(last));
  return parts;
}

/** A body that needs no Markdown: the same paragraph the Markdown renderer would make. */
export function PlainBody({ body, members = [], meId = null }: Props) {
  return (
    <div className={BODY_CLASS}>
      <p>{withMentions(body, members, meId)}</p>
    </div>
  );
}

/**
 * A message's text. Plain sentences render at once; a body with Markdown shows its raw text (line
 * breaks kept) for the moment the parser takes to arrive, then the formatted message.
 */
export function MessageBody({ body, members = [], meId = null }: Props) {
  if (!needsMarkdown(body)) return <PlainBody body={body} members={members} meId={meId} />;
  return (
    <Suspense
      fallback={
        <div className={BODY_CLASS}>
          <p className="whitespace-pre-wrap">{body}</p>
        </div>
      }
    >
      <Markdown body={body} members={members} meId={meId} />
    </Suspense>
  );
}
