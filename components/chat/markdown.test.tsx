import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { Markdown, safeUrl } from './markdown';
import { MAX_CONTAINER_DEPTH, limitNesting } from './markdown-limits';
import { MessageBoundary } from './message-boundary';

const members = [
  { id: 'u-ana', name: 'Ana' },
  { id: 'u-ben', name: 'Ben' },
];
const render = (body: string, meId: string | null = 'u-ana') =>
  renderToStaticMarkup(<Markdown body={body} members={members} meId={meId} />);

describe('Markdown', () => {
  it('renders the usual formatting', () => {
    const html = render(
      '**bold** _it_ ~~gone~~ `x()`\n\n```\nconst a = 1;\n```\n\n- one\n- two\n\n> quoted',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toMatch(/<del[^>]*>gone<\/del>/);
    expect(html).toMatch(/<code[^>]*>x\(\)<\/code>/);
    // A fenced block is plain text first (highlighted after load) with a Copy button.
    expect(html).toMatch(/<pre[^>]*><code>const a = 1;<\/code><\/pre>/);
    expect(html).toMatch(/<button[^>]*>.*Copy<\/button>/);
    expect(html).toMatch(/<ul[^>]*>\s*<li>one<\/li>/);
    expect(html).toMatch(/<blockquote[^>]*>\s*<p>quoted<\/p>/);
  });

  it('keeps a code block’s language and text for the highlighter, and injected HTML as text', () => {
    const html = render('```ts\nconst b = "<b>x</b>";\n```');
    expect(html).toContain('const b = &quot;&lt;b&gt;x&lt;/b&gt;&quot;;');
    expect(html).not.toContain('<b>x</b>');
  });

  it('shows injected HTML as text, never as elements', () => {
    const html = render('<script>alert(1)</script> <img src=x onerror=alert(1)> <b>hi</b>');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;hi');
  });

  it('does not make javascript:, data: or relative links clickable', () => {
    const html = render(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,x) [d](/settings)',
    );
    expect(html).not.toContain('<a');
    expect(html).not.toMatch(/javascript|data:/i);
    expect(html).toContain('<span>a</span>');
  });

  it('opens links in a new tab without opener, referrer or follow', () => {
    const html = render('[site](https://example.com/x?y=1) and www.example.org and mailto:a@b.co');
    expect(html).toContain(
      '<a href="https://example.com/x?y=1" target="_blank" rel="noopener noreferrer nofollow"',
    );
    expect(html).toContain('href="http://www.example.org"');
    expect(html).toContain('href="mailto:a@b.co"');
  });

  it('renders an image as a link to it, not an <img>', () => {
    const html = render('![a cat](https://example.com/cat.png) ![x](javascript:alert(1))');
    expect(html).not.toContain('<img');
    expect(html).toMatch(/<a href="https:\/\/example.com\/cat.png"[^>]*>a cat<\/a>/);
    expect(html).toContain('<span>x</span>');
  });

  it('highlights members’ mentions, and mentions of me more strongly with a label', () => {
    const html = render('hey @Ben and @ana, not `@Ben` or me@ben');
    expect(html).toMatch(/<span class="[^"]*bg-accent\/15[^"]*" data-mention="u-ben">@Ben<\/span>/);
    expect(html).toMatch(
      /<span class="[^"]*text-accent-fg[^"]*" data-mention="u-ana" aria-label="mention of you">@ana<\/span>/,
    );
    expect(html.match(/data-mention/g)).toHaveLength(2);
  });

  it('does not label a mention of someone else as mine', () => {
    expect(render('@Ana', 'u-ben')).not.toContain('mention of you');
  });
});

describe('Markdown nesting limits (a hostile body must not break the conversation)', () => {
  const timed = (body: string) => {
    const started = performance.now();
    const html = render(body);
    return { html, ms: performance.now() - started };
  };
  const depthOf = (html: string, tag: string) => html.split(`<${tag}`).length - 1;

  it.each([
    ['nested list markers', `${'- '.repeat(1990)}x`, 'ul'],
    ['nested ordered markers', `${'1. '.repeat(1300)}x`, 'ol'],
    ['nested quotes', `${'> '.repeat(1990)}x`, 'blockquote'],
    ['nested quotes without spaces', `${'>'.repeat(3981)}x`, 'blockquote'],
    ['quotes and lists mixed', `${'> - '.repeat(995)}x`, 'blockquote'],
  ])('renders %s up to the depth limit, the rest as text, quickly', (_, body, tag) => {
    const { html, ms } = timed(body);
    expect(depthOf(html, tag)).toBeGreaterThan(0);
    expect(depthOf(html, tag)).toBeLessThanOrEqual(MAX_CONTAINER_DEPTH);
    expect(html).toContain('x');
    expect(ms).toBeLessThan(4000);
  });

  it('shows a delimiter run too long to be formatting as the characters themselves', () => {
    const body = `${'*_'.repeat(1000)}x${'_*'.repeat(1000)}`;
    const { html, ms } = timed(body);
    expect(html).not.toMatch(/<em|<strong/);
    expect(html).toContain('*_*_*_');
    expect(ms).toBeLessThan(4000);
  });

  it('shows the whole message as text when inline structure still nests too deeply', () => {
    const body = `${'*a '.repeat(600)}x${' a*'.repeat(600)}`;
    const { html, ms } = timed(body);
    expect(html).not.toContain('<em');
    expect(html).toContain('*a *a *a');
    expect(ms).toBeGreaterThan(0);
  });

  it('leaves ordinary nesting, rules and emphasis alone', () => {
    const body =
      '- a\n  - b\n    - c\n\n> > quoted twice\n\n- - - - - - - - - - -\n\n***bold it***';
    expect(limitNesting(body)).toBe(body);
    const html = render(body);
    expect(depthOf(html, 'ul')).toBe(3);
    expect(depthOf(html, 'blockquote')).toBe(2);
    expect(html).toContain('<hr/>');
    expect(html).toMatch(/<em><strong>bold it<\/strong><\/em>|<strong><em>bold it/);
  });

  it('escapes only the first marker past the limit on a line', () => {
    const deep = `${'- '.repeat(MAX_CONTAINER_DEPTH)}`;
    expect(limitNesting(`${deep}- - x`)).toBe(`${deep}\\- - x`);
    expect(limitNesting(`${'> '.repeat(MAX_CONTAINER_DEPTH)}> x`)).toBe(
      `${'> '.repeat(MAX_CONTAINER_DEPTH)}\\> x`,
    );
    expect(limitNesting(`${'1. '.repeat(MAX_CONTAINER_DEPTH)}12. x`)).toBe(
      `${'1. '.repeat(MAX_CONTAINER_DEPTH)}12\\. x`,
    );
  });
});

describe('MessageBoundary', () => {
  it('marks itself failed when a message throws while rendering', () => {
    expect(MessageBoundary.getDerivedStateFromError()).toEqual({ failed: true });
  });

  it('renders the message normally until then', () => {
    const html = renderToStaticMarkup(
      <MessageBoundary body="hi">
        <Markdown body="**hi**" />
      </MessageBoundary>,
    );
    expect(html).toContain('<strong>hi</strong>');
  });

  it('shows a failed message as a notice and its text as plain text', () => {
    const boundary = new MessageBoundary({ body: '<b>raw</b> **text**', children: null });
    boundary.state = { failed: true };
    const html = renderToStaticMarkup(<>{boundary.render()}</>);
    expect(html).toContain('This message can&#x27;t be displayed');
    expect(html).toContain('&lt;b&gt;raw&lt;/b&gt; **text**');
    expect(html).not.toContain('<strong>');
  });
});

describe('safeUrl', () => {
  it('keeps only absolute http(s) and mailto URLs', () => {
    expect(safeUrl('https://a.b/c')).toBe('https://a.b/c');
    expect(safeUrl('mailto:x@y.z')).toBe('mailto:x@y.z');
    expect(safeUrl(' javascript:alert(1)')).toBeNull();
    expect(safeUrl('java\nscript:alert(1)')).toBeNull();
    expect(safeUrl('//evil.example')).toBeNull();
  });
});
