/**
 * Whether a message body needs the Markdown parser, or renders the same as plain text: one
 * paragraph holding exactly the body's characters. Most chat messages are such sentences, and for them the Markdown
 * parser (remark, micromark, GFM: the largest part of the chat page's JavaScript) is loaded only
 * when a message needs it. The test is conservative: anything that could start a Markdown
 * construct (emphasis, code, links, HTML, entities, escapes, autolinks, line-start blocks, line
 * breaks, edge whitespace) sends the body to the parser.
 */

// Characters that start inline syntax anywhere: emphasis, strike, code, links/images/footnotes,
// autolinks and HTML, escapes. Control characters include line breaks and tabs (and NUL, which
// the parser replaces).
const INLINE = /[*_~`[\]<>\\\u0000-\u001f\u007f]/;
// Blocks that open at the start of a line (the body is a single line): headings, quotes, lists,
// thematic breaks, setext underlines, indented code.
const LINE_START = /^(?:\s|[#>+\-=]|\d{1,9}[.)])/;
// Character references (&amp; &#38; &#x26;) are decoded by the parser.
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;
// GFM autolink literals: URLs, www. hosts, mailto:/xmpp:, and e-mail addresses (a word character
// or . + - right before an @; a mention's @ follows a space or starts the text).
const AUTOLINK = /https?:\/\/|www\.|mailto:|xmpp:|[\p{L}\p{N}._+-]@/iu;

export function needsMarkdown(body: string): boolean {
  return (
    body === '' ||
    INLINE.test(body) ||
    LINE_START.test(body) ||
    /\s$/.test(body) ||
    ENTITY.test(body) ||
    AUTOLINK.test(body)
  );
}
