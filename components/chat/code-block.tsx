'use client';

import type { Element, ElementContent } from 'hast';
import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';

import { highlight } from './highlight';

function textOf(nodes: ElementContent[]): string {
  return nodes
    .map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? textOf(n.children) : ''))
    .join('');
}

/** The fenced block's text and its language (```ts → "ts"), read from the Markdown tree. */
export function codeOf(pre: Element | undefined): { code: string; language: string | null } {
  const code = pre?.children.find(
    (c): c is Element => c.type === 'element' && c.tagName === 'code',
  );
  const classes = code?.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : [];
  const language = list.find((c) => c.startsWith('language-'))?.slice('language-'.length) ?? null;
  return { code: textOf(code?.children ?? []).replace(/\n$/, ''), language };
}

/**
 * A fenced code block: plain text at once, syntax colours once the highlighter (loaded lazily,
 * on the first block) has run, and a Copy button.
 */
export function CodeBlock({ node }: { node?: Element }) {
  const { code, language } = codeOf(node);
  const [html, setHtml] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let live = true;
    highlight(code, language)
      .then((value) => {
        if (live) setHtml(value);
      })
      .catch(() => {
        // Highlighting is decoration: without it the plain text stays.
      });
    return () => {
      live = false;
    };
  }, [code, language]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <div className="group/code relative">
      <pre className="overflow-x-auto rounded-md border border-border bg-surface-2 p-3 pr-16 font-mono text-xs leading-relaxed">
        {html !== null ? (
          <code
            className="hljs"
            data-highlighted="true"
            dangerouslySetInnerHTML={{ __html: html }}
          />
        ) : (
          <code>{code}</code>
        )}
      </pre>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard.writeText(code).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        className="absolute right-1.5 top-1.5 inline-flex h-7 items-center gap-1 rounded-md border border-border bg-bg px-2 text-xs text-fg opacity-90 hover:bg-surface"
      >
        {copied ? <Check aria-hidden size={12} /> : <Copy aria-hidden size={12} />}
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
