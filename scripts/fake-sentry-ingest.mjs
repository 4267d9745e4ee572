#!/usr/bin/env node
/**
 * A local stand-in for Sentry's ingest for the end-to-end suite (playwright.config.ts starts it;
 * the e2e server's SENTRY_DSN points here). Keeps every envelope posted to
 * /api/<project>/envelope/ and serves the decoded items at GET /envelopes, so a spec can check
 * what would have left the app. test/fake-sentry.ts is the in-process version for Vitest.
 */
import { createServer } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';

const port = Number(process.env.E2E_SENTRY_PORT || 3197);
const envelopes = [];

const parse = (line) => {
  try {
    return JSON.parse(line);
  } catch {
    return line;
  }
};

function decode(body) {
  const lines = body.split('\n');
  const items = [];
  for (let i = 1; i + 1 < lines.length; i += 2) {
    if (lines[i]) items.push({ header: parse(lines[i]), payload: parse(lines[i + 1]) });
  }
  return { header: parse(lines[0]), items };
}

createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/envelopes') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(envelopes));
    return;
  }
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let raw = Buffer.concat(chunks);
    const encoding = req.headers['content-encoding'];
    if (encoding === 'gzip') raw = gunzipSync(raw);
    if (encoding === 'deflate') raw = inflateSync(raw);
    if (/^\/api\/\d+\/envelope\/?/.test(req.url ?? ''))
      envelopes.push(decode(raw.toString('utf8')));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
}).listen(port, '127.0.0.1', () => console.log(`fake Sentry ingest on 127.0.0.1:${port}`));
