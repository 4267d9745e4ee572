/**
 * QStash stand-ins for tests: signatures made exactly as QStash makes them (what the Receiver in
 * @upstash/qstash verifies), and a local HTTP server that records publish requests.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SignJWT } from 'jose';

export const CURRENT_KEY = 'sig_test_current_'.padEnd(32, 'c');
export const NEXT_KEY = 'sig_test_next_'.padEnd(32, 'n');

/**
 * An `Upstash-Signature`: HS256 JWT, issuer "Upstash", subject the destination URL, `body` the
 * base64url SHA-256 of the raw body, valid from now for five minutes, with a unique jti.
 */
export async function signQStash({
  key,
  url,
  body,
  issuer = 'Upstash',
  expiresInSeconds = 300,
}: {
  key: string;
  url: string;
  body: string;
  issuer?: string;
  expiresInSeconds?: number;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ body: createHash('sha256').update(body).digest('base64url') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(issuer)
    .setSubject(url)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + expiresInSeconds)
    .setJti(`jwt_${randomUUID()}`)
    .sign(new TextEncoder().encode(key));
}

export type PublishRequest = {
  method: string;
  /** The path as sent: /v2/publish/<destination URL>. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
};

/**
 * A fake QStash API on 127.0.0.1 (random port): records every request and answers
 * `{messageId}`, or `status` with an error body when set.
 */
export async function startFakeQStash() {
  const requests: PublishRequest[] = [];
  let status = 201;
  let extraHeaders: Record<string, string> = {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(status, { 'content-type': 'application/json', ...extraHeaders });
      res.end(
        JSON.stringify(
          status < 300 ? { messageId: `msg_${requests.length}` } : { error: 'fake failure' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /**
     * Answer every later request with this status (500: QStash is having a bad day) and headers
     * (429 with RateLimit-Limit/-Remaining/-Reset: the daily quota is used up).
     */
    answerWith(code: number, headers: Record<string, string> = {}) {
      status = code;
      extraHeaders = headers;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
