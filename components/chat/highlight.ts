import type { HLJSApi } from 'highlight.js';

/**
 * highlight.js core with the languages people paste most, loaded on the first code block and
 * shared after that: none of it is in the chats page's first load.
 */
let loading: Promise<HLJSApi> | null = null;

export function loadHighlighter(): Promise<HLJSApi> {
  loading ??= (async () => {
    const [core, ...languages] = await Promise.all([
      import('highlight.js/lib/core'),
      import('highlight.js/lib/languages/typescript'),
      import('highlight.js/lib/languages/javascript'),
      import('highlight.js/lib/languages/json'),
      import('highlight.js/lib/languages/bash'),
      import('highlight.js/lib/languages/python'),
      import('highlight.js/lib/languages/css'),
      import('highlight.js/lib/languages/xml'),
      import('highlight.js/lib/languages/sql'),
      import('highlight.js/lib/languages/go'),
      import('highlight.js/lib/languages/rust'),
      import('highlight.js/lib/languages/yaml'),
      import('highlight.js/lib/languages/diff'),
    ]);
    const names = [
      'typescript',
      'javascript',
      'json',
      'bash',
      'python',
      'css',
      'xml',
      'sql',
      'go',
      'rust',
      'yaml',
      'diff',
    ];
    const hljs = core.default;
    languages.forEach((mod, i) => hljs.registerLanguage(names[i] ?? '', mod.default));
    return hljs;
  })();
  return loading;
}

/**
 * The code as highlighted HTML (highlight.js escapes the text: only its own spans are markup),
 * or null when the block names a language we do not load.
 */
export async function highlight(code: string, language: string | null): Promise<string | null> {
  const hljs = await loadHighlighter();
  if (language) {
    return hljs.getLanguage(language) ? hljs.highlight(code, { language }).value : null;
  }
  return hljs.highlightAuto(code).value;
}
