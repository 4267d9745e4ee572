import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { Markdown, safeUrl } from './markdown';

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
    expect(html).toMatch(/<pre[^>]*><code[^>]*>const a = 1;\n<\/code><\/pre>/);
    expect(html).toMatch(/<ul[^>]*>\s*<li>one<\/li>/);
    expect(html).toMatch(/<blockquote[^>]*>\s*<p>quoted<\/p>/);
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

describe('safeUrl', () => {
  it('keeps only absolute http(s) and mailto URLs', () => {
    expect(safeUrl('https://a.b/c')).toBe('https://a.b/c');
    expect(safeUrl('mailto:x@y.z')).toBe('mailto:x@y.z');
    expect(safeUrl(' javascript:alert(1)')).toBeNull();
    expect(safeUrl('java\nscript:alert(1)')).toBeNull();
    expect(safeUrl('//evil.example')).toBeNull();
  });
});
