/**
 * W3C Trace Context (`traceparent: 00-<trace id>-<span id>-<flags>`), the one header that carries
 * a trace across Parley's hops: browser → route → PartyKit publish → room, and route → job →
 * worker. Pure functions only, so the browser, the rooms (workerd) and Node share them.
 */
export type TraceParent = { traceId: string; spanId: string; sampled: boolean };

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
// Random bytes fetched 512 at a time (one getRandomValues per ~20 ids, each byte used once). On
// the server Next.js wraps Web Crypto's getRandomValues (it tracks dynamic I/O), and one call per
// id was 2 % of a send's CPU (#18, bench:messages --profile).
const pool = new Uint8Array(512);
let used = pool.length;

function hex(bytes: number): string {
  if (used + bytes > pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  let out = '';
  for (let i = 0; i < bytes; i++) out += HEX[pool[used++]!];
  return out;
}

export const newTraceId = (): string => hex(16);
export const newSpanId = (): string => hex(8);

/** The header's parts, or null for a missing or malformed one (all-zero ids are invalid). */
export function parseTraceparent(header: string | null | undefined): TraceParent | null {
  const m = TRACEPARENT.exec((header ?? '').trim().toLowerCase());
  if (!m || m[1] === 'ff') return null;
  const [, , traceId, spanId, flags] = m as unknown as [string, string, string, string, string];
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return null;
  return { traceId, spanId, sampled: (parseInt(flags, 16) & 1) === 1 };
}

export function formatTraceparent(t: TraceParent): string {
  return `00-${t.traceId}-${t.spanId}-${t.sampled ? '01' : '00'}`;
}

/** A new span in the caller's trace (or a new trace when there is none): what a hop sends on. */
export function childOf(parent: TraceParent | null): TraceParent {
  return parent
    ? { traceId: parent.traceId, spanId: newSpanId(), sampled: parent.sampled }
    : { traceId: newTraceId(), spanId: newSpanId(), sampled: true };
}
