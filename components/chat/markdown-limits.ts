import type { Root, RootContent } from 'mdast';

/**
 * Bounds on how deeply a message's Markdown may nest. Message text comes from anyone in the
 * conversation, and the parser and renderer recurse once per level: `'- '.repeat(1990)` took
 * seconds to parse and then overflowed the stack, taking the whole message list with it. Chat
 * needs a few levels; past these the structure is shown as the text it was written as.
 */
export const MAX_CONTAINER_DEPTH = 8;
/** Longest run of emphasis delimiters kept as Markdown (`***` is three; 32 is never formatting). */
export const MAX_DELIMITER_RUN = 32;
/** Deepest syntax tree rendered as Markdown; anything deeper shows the whole message as text. */
export const MAX_TREE_DEPTH = 32;

// One block-container marker at the start of what is left of a line: a quote `>`, or a list
// bullet / number followed by a space or the end of the line (CommonMark's containers).
const CONTAINER = /^[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))/;
// `- - - - - - - - - -` is a thematic break (a rule), not a list, however many dashes it has.
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const DELIMITER_RUN = new RegExp(`[*_~]{${MAX_DELIMITER_RUN + 1},}`, 'g');

/**
 * Escapes the first container marker past MAX_CONTAINER_DEPTH on each line, so the rest of the
 * line is paragraph text at that depth, and escapes delimiter runs too long to be formatting.
 * Linear in the length of the text, and idempotent for text within the bounds.
 */
export function limitNesting(source: string): string {
  return source
    .split('\n')
    .map((line) => {
      if (THEMATIC_BREAK.test(line)) return line;
      let rest = line;
      let kept = '';
      for (let depth = 1; ; depth++) {
        const marker = CONTAINER.exec(rest)?.[0];
        if (!marker) return kept + rest;
        if (depth > MAX_CONTAINER_DEPTH)
          return kept + escapeMarker(marker) + rest.slice(marker.length);
        kept += marker;
        rest = rest.slice(marker.length);
      }
    })
    .join('\n')
    .replace(DELIMITER_RUN, (run) => run.replace(/./g, '\\$&'));
}

/** `- ` → `\- `, `12. ` → `12\. `, `> ` → `\> `: the punctuation that made it a marker. */
function escapeMarker(marker: string): string {
  return marker.replace(/[>*+\-.)]/, '\\$&');
}

/** Depth of the deepest node, walked without recursion (the tree may be what is too deep). */
export function treeDepth(tree: Root): number {
  let deepest = 0;
  const stack: [RootContent | Root, number][] = [[tree, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * A remark plugin, the backstop behind `limitNesting`: structure that still nests past
 * MAX_TREE_DEPTH (inline constructs, indentation) turns the message into one paragraph of its
 * source text, which renders flat whatever it contains.
 */
export function remarkFlattenDeep() {
  return (tree: Root, file: { value: unknown }) => {
    if (treeDepth(tree) <= MAX_TREE_DEPTH) return;
    tree.children = [
      { type: 'paragraph', children: [{ type: 'text', value: String(file.value) }] },
    ];
  };
}
