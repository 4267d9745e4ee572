import { createServer, type Server } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';

import { freePort } from './partykit';

/** One item of a Sentry envelope: its header and its payload (JSON when it parses). */
export type EnvelopeItem = { header: Record<string, unknown>; payload: unknown };
export type Envelope = { header: Record<string, unknown>; items: EnvelopeItem[]; path: string };

/** Splits a Sentry envelope (newline-separated JSON: header, then item header + payload pairs). */
export function decodeEnvelope(body: string, path = ''): Envelope {
  const lines = body.split('\n');
  const parse = (line: string | undefined): unknown => {
    try {
      return JSON.parse(line ?? '');
    } catch {
      return line;
    }
  };
  const header = parse(lines[0]) as Record<string, unknown>;
  const items: EnvelopeItem[] = [];
  for (let i = 1; i + 1 < lines.length; i += 2) {
    if (!lines[i]) continue;
    items.push({
      header: parse(lines[i]) as Record<string, unknown>,
      payload: parse(lines[i + 1]),
    });
  }
  return { header, items, path };
}

/**
 * A local stand-in for Sentry's ingest: accepts envelopes at /api/<project>/envelope/ (gzip or
 * deflate bodies too) and keeps them decoded, so tests can assert what would have left the app.
 */
export async function startFakeSentry(): Promise<{
  dsn: string;
  envelopes: Envelope[];
  waitFor: (match: (e: Envelope) => boolean, timeoutMs?: number) => Promise<Envelope>;
  close: () => Promise<void>;
}> {
  const port = await freePort();
  const envelopes: Envelope[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let raw = Buffer.concat(chunks);
      const encoding = req.headers['content-encoding'];
      if (encoding === 'gzip') raw = gunzipSync(raw);
      if (encoding === 'deflate') raw = inflateSync(raw);
      if (/^\/api\/\d+\/envelope\/?/.test(req.url ?? '')) {
        envelopes.push(decodeEnvelope(raw.toString('utf8'), req.url ?? ''));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    dsn: `http://publickey@127.0.0.1:${port}/42`,
    envelopes,
    waitFor: async (match, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = envelopes.find(match);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no matching envelope among ${envelopes.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The error events in an envelope. */
export const errorEvents = (e: Envelope) =>
  e.items.filter((i) => i.header.type === 'event').map((i) => i.payload as Record<string, unknown>);
