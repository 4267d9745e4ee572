#!/usr/bin/env node
// A stand-in for an OpenAI-compatible provider, for the end-to-end tests (Playwright starts it
// next to the app, which gets AI_BASE_URL=http://127.0.0.1:<port>/v1). POST /v1/chat/completions
// streams a fixed reply as server-sent events, slowly (about 1.5 s) so the growing draft can be
// seen; it quotes the last message it was given, which proves the context arrived. GET /health
// answers 200 for Playwright's readiness check. Port: E2E_AI_PORT (3198).
//
// Each reply pauses after its first pieces until the test POSTs /release (or 15 s pass), so the
// test sees the draft however slow the machine is, and then lets the reply finish.
import { createServer } from 'node:http';

const port = Number(process.env.E2E_AI_PORT || 3198);
const PIECE_DELAY_MS = 100;

/** The text of the last message sent, without the "Name: " prefix the app adds. */
function lastMessage(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  const content = String(messages.at(-1)?.content ?? '');
  const colon = content.indexOf(': ');
  return colon === -1 ? content : content.slice(colon + 2);
}

function replyTo(text) {
  return `Hello from the fake AI! You said: “${text}”. This reply was streamed in small pieces.`;
}

/** The reply in pieces of about 6 characters, for about 15 chunks. */
function piecesOf(text) {
  return text.match(/[\s\S]{1,6}/g) ?? [];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const HOLD_AFTER_PIECES = 4;
const HOLD_MAX_MS = 15_000;
/** Releases not yet used: a /release that comes before the reply reaches the pause counts. */
let releases = 0;
const waiting = new Set();

function releaseOne() {
  const next = waiting.values().next();
  if (next.done) releases++;
  else {
    waiting.delete(next.value);
    next.value();
  }
}

function pause() {
  if (releases > 0) {
    releases--;
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      waiting.delete(done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, HOLD_MAX_MS);
    waiting.add(done);
  });
}

async function stream(res, text) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(': fake provider\n\n');
  for (const [i, content] of piecesOf(text).entries()) {
    if (res.destroyed) return;
    if (i === HOLD_AFTER_PIECES) await pause();
    const chunk = { object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] };
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    await sleep(PIECE_DELAY_MS);
  }
  res.end('data: [DONE]\n\n');
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }
  if (req.method === 'POST' && req.url === '/release') {
    releaseOne();
    res.writeHead(204);
    res.end();
    return;
  }
  if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'Unknown route' } }));
    return;
  }
  const parts = [];
  req.on('data', (part) => parts.push(part));
  req.on('end', () => {
    let body = null;
    try {
      body = JSON.parse(Buffer.concat(parts).toString('utf8'));
    } catch {
      // Answered below as a bad request.
    }
    if (!req.headers.authorization?.startsWith('Bearer ') || body?.stream !== true) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Expected a bearer key and stream: true' } }));
      return;
    }
    void stream(res, replyTo(lastMessage(body)));
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`fake OpenAI-compatible provider on http://127.0.0.1:${port}/v1`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close(() => process.exit(0)));
