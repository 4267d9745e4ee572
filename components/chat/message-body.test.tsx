import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { needsMarkdown } from '@/lib/chat/needs-markdown';

import { Markdown } from './markdown';
import { PlainBody } from './message-body';

const members = [
  { id: 'u-ana', name: 'Ana' },
  { id: 'u-ben', name: 'Ben Lima' },
];
const markdown = (body: string) =>
  renderToStaticMarkup(<Markdown body={body} members={members} meId="u-ana" />);
const plain = (body: string) =>
  renderToStaticMarkup(<PlainBody body={body} members={members} meId="u-ana" />);

describe('needsMarkdown', () => {
  it.each([
    'Hello there',
    'See you at 5, ok?',
    'issue #12 is fixed!',
    'a | b | c',
    'hi @Ana and @Ben Lima, lunch?',
    '@Ana',
    'Ça va? 😀 👍',
    'fish & chips',
    '2 + 2 = 4',
    'ratio 3:2 - done.',
  ])('lets %j skip the parser, and it renders the same as Markdown', (body) => {
    expect(needsMarkdown(body)).toBe(false);
    expect(plain(body)).toBe(markdown(body));
  });

  it.each([
    '**bold**',
    'an _aside_',
    '~~gone~~',
    'run `npm test`',
    '[site](https://example.com)',
    'see https://example.com',
    'see www.example.org',
    'write to ana@example.org',
    '<b>hi</b>',
    'a\\*b',
    'one\ntwo',
    '# Title',
    '> quoted',
    '- item',
    '+ item',
    '1. first',
    '3) third',
    '    indented code',
    'trailing space ',
    'Tom &amp; Jerry',
    'fish &#38; chips',
    '',
  ])('sends %j to the parser', (body) => {
    expect(needsMarkdown(body)).toBe(true);
  });

  it('never skips the parser for a body the parser would render differently', () => {
    // Random bodies from an alphabet rich in Markdown's characters: whenever the check says plain,
    // the plain paragraph must equal what react-markdown (with GFM and mentions) makes of it.
    const alphabet = [
      ...'ab Z9 .,:;!?#|&-+=()@$%^/\'"\t\n*_~`[]<>\\',
      '@Ana',
      '@Ben Lima',
      'é',
      '😀',
    ];
    let seed = 12;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let plainCount = 0;
    for (let i = 0; i < 3000; i++) {
      const length = 1 + Math.floor(next() * 12);
      const body = Array.from(
        { length },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
      if (needsMarkdown(body)) continue;
      plainCount++;
      expect(plain(body), JSON.stringify(body)).toBe(markdown(body));
    }
    // The sample must exercise the plain path, or the loop above proves nothing.
    expect(plainCount).toBeGreaterThan(300);
  });
});
