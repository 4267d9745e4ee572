import { describe, expect, it } from 'vitest';

import { childOf, formatTraceparent, newSpanId, newTraceId, parseTraceparent } from './trace';

describe('trace ids', () => {
  it('are lower-case hex of the W3C lengths, and never repeat across many', () => {
    const traces = Array.from({ length: 2000 }, newTraceId);
    const spans = Array.from({ length: 2000 }, newSpanId);
    for (const id of traces) expect(id).toMatch(/^[0-9a-f]{32}$/);
    for (const id of spans) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(traces).size).toBe(traces.length);
    expect(new Set(spans).size).toBe(spans.length);
  });

  it('use every byte value (the hex table covers 00 to ff)', () => {
    const seen = new Set(Array.from({ length: 2000 }, newTraceId).join('').match(/../g));
    expect(seen.size).toBe(256);
  });

  it('round-trip through a traceparent header, a child keeping the trace', () => {
    const root = childOf(null);
    const parsed = parseTraceparent(formatTraceparent(root));
    expect(parsed).toEqual(root);
    const child = childOf(parsed);
    expect(child.traceId).toBe(root.traceId);
    expect(child.spanId).not.toBe(root.spanId);
  });
});
