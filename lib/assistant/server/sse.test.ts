import { describe, expect, it } from 'vitest';

import { createSseReader } from './sse';

/** Feeds `pieces` one by one and returns every event's data. */
function read(pieces: string[]): string[] {
  const out: string[] = [];
  const reader = createSseReader((data) => out.push(data));
  for (const piece of pieces) reader.push(piece);
  reader.end();
  return out;
}

describe('createSseReader', () => {
  it('reads one event per blank-line-terminated block', () => {
    expect(read(['data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n'])).toEqual([
      '{"a":1}',
      '{"b":2}',
      '[DONE]',
    ]);
  });

  it('puts back together lines cut anywhere, one character per piece included', () => {
    const text = 'data: {"a":1}\n\ndata: {"b":2}\n\n';
    expect(read([...text])).toEqual(['{"a":1}', '{"b":2}']);
    expect(read(['da', 'ta: {"a"', ':1}\n', '\nd', 'ata: x\n\n'])).toEqual(['{"a":1}', 'x']);
  });

  it('accepts CRLF line endings, even with the CR and LF in different pieces', () => {
    expect(read(['data: one\r', '\n\r', '\ndata: two\r\n\r\n'])).toEqual(['one', 'two']);
  });

  it('skips comments, other fields and empty events', () => {
    expect(
      read([': keep-alive\n\nevent: message\nid: 7\nretry: 100\ndata: x\n\n\n\n: bye\n\n']),
    ).toEqual(['x']);
  });

  it('joins the data lines of one event with newlines and drops one leading space only', () => {
    expect(read(['data: a\ndata:  b\ndata:c\ndata\n\n'])).toEqual(['a\n b\nc\n']);
  });

  it('delivers a last event whose blank line never came', () => {
    expect(read(['data: a\n\ndata: last'])).toEqual(['a', 'last']);
  });

  it('delivers nothing for nothing', () => {
    expect(read([])).toEqual([]);
    expect(read(['\n\n\n'])).toEqual([]);
  });
});
