import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';

import { codeOf } from './code-block';
import { highlight } from './highlight';

const pre = (className: string[] | undefined, text: string): Element => ({
  type: 'element',
  tagName: 'pre',
  properties: {},
  children: [
    {
      type: 'element',
      tagName: 'code',
      properties: className ? { className } : {},
      children: [{ type: 'text', value: text }],
    },
  ],
});

describe('code blocks', () => {
  it('reads the language and the text, without the fence’s last newline', () => {
    expect(codeOf(pre(['language-ts'], 'let a = 1;\n'))).toEqual({
      code: 'let a = 1;',
      language: 'ts',
    });
    expect(codeOf(pre(undefined, 'x\n'))).toEqual({ code: 'x', language: null });
  });

  it('highlights a known language with escaped text, and leaves an unknown one plain', async () => {
    const html = await highlight('const s = "<img onerror=x>";', 'ts');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('&lt;img onerror=x&gt;');
    expect(html).not.toContain('<img');
    expect(await highlight('x', 'no-such-language')).toBeNull();
  });
});
