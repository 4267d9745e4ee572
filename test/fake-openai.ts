/**
 * A local OpenAI-compatible chat-completions server for the assistant's tests. It streams SSE the
 * way real providers do, only less politely: every event is cut across two TCP writes in the
 * middle of its line, and a multi-byte character is cut between writes too. Modes are scripted
 * per test; every request's headers and JSON body are recorded.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeMode =
  /** Streams `pieces` as delta chunks, `delayMs` between writes, then `[DONE]`. */
  | { kind: 'stream'; pieces: string[]; delayMs?: number }
  /** Answers `status` with an OpenAI-style JSON error body. */
  | { kind: 'error'; status: number; message: string }
  /** Sends the headers and `pieces` (maybe none), then nothing ever again. */
  | { kind: 'hang'; pieces?: string[] };

export type RecordedRequest = {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
};

export type FakeOpenAI = {
  /** Base URL up to the version, as AI_BASE_URL takes it. */
  baseUrl: string;
  requests: RecordedRequest[];
  setMode(mode: FakeMode): void;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chunk(content: string): string {
  const body = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'fake',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

/** Writes `text` in two TCP writes, cut inside the line (inside a character's bytes if any). */
async function writeSplit(res: ServerResponse, text: string, delayMs: number) {
  const bytes = Buffer.from(text, 'utf8');
  // Prefer a cut right after the first byte of a multi-byte character, else the middle.
  let cut = bytes.findIndex((b) => b >= 0xc0);
  cut = cut > 0 ? cut + 1 : Math.floor(bytes.length / 2);
  res.write(bytes.subarray(0, cut));
  await sleep(delayMs);
  res.write(bytes.subarray(cut));
  await sleep(delayMs);
}

export async function startFakeOpenAI(initial: FakeMode = { kind: 'stream', pieces: ['Hi'] }) {
  let mode = initial;
  const requests: RecordedRequest[] = [];
  const open = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(parts).toString('utf8'));
      } catch {
        body = Buffer.concat(parts).toString('utf8');
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      open.add(res);
      res.on('close', () => open.delete(res));
      void answer(res, req.method === 'POST' && req.url === '/v1/chat/completions');
    });
  });

  async function answer(res: ServerResponse, known: boolean) {
    const current = mode;
    if (!known) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Unknown route' } }));
      return;
    }
    if (current.kind === 'error') {
      res.writeHead(current.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: current.message, type: 'invalid_request' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    // Providers send keep-alive comments; the reader must skip them.
    res.write(': keep-alive\n\n');
    const delayMs = current.kind === 'stream' ? (current.delayMs ?? 5) : 5;
    for (const piece of current.pieces ?? []) {
      if (res.destroyed) return;
      await writeSplit(res, chunk(piece), delayMs);
    }
    if (current.kind === 'hang' || res.destroyed) return;
    await writeSplit(res, 'data: [DONE]\n\n', delayMs);
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeOpenAI = {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setMode(next) {
      mode = next;
    },
    async close() {
      for (const res of open) res.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections would hold close() for seconds.
      server.closeAllConnections();
      await closed;
    },
  };
  return fake;
}
