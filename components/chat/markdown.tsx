import type { ElementContent, Root, RootContent } from 'hast';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

import { findMentions, type MentionMember } from '@/lib/chat/mentions';

import { CodeBlock } from './code-block';
import { limitNesting, remarkFlattenDeep } from './markdown-limits';
import { BODY_CLASS, MENTION_CLASSES, MENTION_OF_YOU } from './mention-style';

/**
 * A message body as Markdown (message-body.tsx loads this module only for bodies that need it). Message text comes from other people, so: raw HTML is never
 * parsed (react-markdown shows it as text; there is no rehype-raw), only http(s) and mailto
 * URLs survive, images become links (no tracking pixels, no layout jumps), and every link opens
 * in a new tab without handing over `window.opener` or referrer, marked nofollow. Nesting is
 * bounded (markdown-limits.ts), so no message can exhaust the parser's time or the stack.
 */

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Keeps absolute http(s)/mailto URLs; anything else (javascript:, data:, relative) is dropped. */
export function safeUrl(url: string): string | null {
  try {
    return SAFE_PROTOCOLS.has(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
}

const LINK_PROPS = { target: '_blank', rel: 'noopener noreferrer nofollow' } as const;
const LINK_CLASS =
  'text-accent underline underline-offset-2 [overflow-wrap:anywhere] hover:no-underline';
const HEADING_CLASS = 'font-semibold';

// The `node` prop react-markdown passes is dropped everywhere: it is not a DOM attribute.
const components: Components = {
  a: ({ node: _node, href, children }) =>
    href ? (
      <a href={href} {...LINK_PROPS} className={LINK_CLASS}>
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ node: _node, src, alt }) => {
    const href = typeof src === 'string' && src ? src : null;
    const label = alt || href || 'image';
    return href ? (
      <a href={href} {...LINK_PROPS} className={LINK_CLASS}>
        {label}
      </a>
    ) : (
      <span>{label}</span>
    );
  },
  h1: ({ node: _node, ...props }) => <p className={HEADING_CLASS} {...props} />,
  h2: ({ node: _node, ...props }) => <p className={HEADING_CLASS} {...props} />,
  h3: ({ node: _node, ...props }) => <p className={HEADING_CLASS} {...props} />,
  h4: ({ node: _node, ...props }) => <p className={HEADING_CLASS} {...props} />,
  h5: ({ node: _node, ...props }) => <p className={HEADING_CLASS} {...props} />,
  h6: ({ node: _node, ...props }) => <p className={HEADING_CLASS} {...props} />,
  ul: ({ node: _node, ...props }) => <ul className="list-disc space-y-0.5 pl-5" {...props} />,
  ol: ({ node: _node, ...props }) => <ol className="list-decimal space-y-0.5 pl-5" {...props} />,
  blockquote: ({ node: _node, ...props }) => (
    <blockquote className="border-l-4 border-border pl-3 text-muted" {...props} />
  ),
  code: ({ node: _node, ...props }) => (
    <code className="rounded bg-surface-2 px-1 py-0.5 font-mono text-[0.9em]" {...props} />
  ),
  // Fenced blocks: highlighted lazily, with a Copy button (code-block.tsx).
  pre: ({ node }) => <CodeBlock node={node} />,
  del: ({ node: _node, ...props }) => <del className="text-muted" {...props} />,
  table: ({ node: _node, ...props }) => (
    <div className="overflow-x-auto">
      <table
        className="border-collapse text-xs [&_td]:border [&_td]:border-border [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-border [&_th]:px-2 [&_th]:py-1"
        {...props}
      />
    </div>
  ),
};

/** Wraps members' `@Name` in text (not in code or links) in a highlighted span. */
function rehypeMentions(options: { members: readonly MentionMember[]; meId: string | null }) {
  function split(value: string): ElementContent[] {
    const parts: ElementContent[] = [];
    let last = 0;
    for (const { start, end, member } of findMentions(value, options.members)) {
      if (start > last) parts.push({ type: 'text', value: value.slice(last, start) });
      const mine = member.id === options.meId;
      parts.push({
        type: 'element',
        tagName: 'span',
        properties: {
          className: [...(mine ? MENTION_CLASSES.mine : MENTION_CLASSES.other)],
          dataMention: member.id,
          ...(mine ? { ariaLabel: MENTION_OF_YOU } : {}),
        },
        children: [{ type: 'text', value: value.slice(start, end) }],
      });
      last = end;
    }
    if (last === 0) return [{ type: 'text', value }];
    if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
    return parts;
  }

  function visit(child: ElementContent): ElementContent[] {
    if (child.type === 'text') return split(child.value);
    // Code shows text verbatim, and a mention inside a link would nest interactive content.
    if (child.type === 'element' && !['code', 'pre', 'a'].includes(child.tagName)) {
      child.children = child.children.flatMap(visit);
    }
    return [child];
  }

  return (tree: Root) => {
    tree.children = tree.children.flatMap<RootContent>((c) =>
      c.type === 'doctype' ? [c] : visit(c),
    );
  };
}

export function Markdown({
  body,
  members = [],
  meId = null,
}: {
  body: string;
  members?: readonly MentionMember[];
  meId?: string | null;
}) {
  return (
    <div className={BODY_CLASS}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkFlattenDeep]}
        rehypePlugins={[[rehypeMentions, { members, meId }]]}
        urlTransform={safeUrl}
        components={components}
      >
        {limitNesting(body)}
      </ReactMarkdown>
    </div>
  );
}
