/** Requests, responses and error bodies for the /api/v1 route tests (re-exported by test/api.ts). */
import { describe, expect, it } from 'vitest';

export const BASE_URL = 'http://parley.test';
export const PASSWORD = 'correct horse battery staple';

export type HeaderMap = Record<string, string>;

/** `/me` → `http://parley.test/api/v1/me`. */
export function apiUrl(path: string): string {
  return `${BASE_URL}/api/v1${path}`;
}

/** The second argument Next.js passes to handlers of dynamic segments. */
export function withParams<T extends Record<string, string>>(params: T) {
  return { params: Promise.resolve(params) };
}

export function getRequest(path: string, headers: HeaderMap = {}): Request {
  return new Request(apiUrl(path), { method: 'GET', headers });
}

export function deleteRequest(path: string, headers: HeaderMap = {}): Request {
  return new Request(apiUrl(path), { method: 'DELETE', headers });
}

/** A request with `body` serialised as JSON and Content-Type: application/json. */
export function jsonRequest(
  method: 'POST' | 'PATCH' | 'PUT',
  path: string,
  body: unknown,
  headers: HeaderMap = {},
): Request {
  return rawRequest(method, path, JSON.stringify(body), {
    'content-type': 'application/json',
    ...headers,
  });
}

/** A request with a body sent exactly as given (malformed JSON, wrong types, streams, forms). */
export function rawRequest(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: BodyInit | null,
  headers: HeaderMap = {},
): Request {
  return new Request(apiUrl(path), { method, body, headers, duplex: 'half' } as RequestInit);
}

/** A multipart/form-data request; fetch's FormData encoding sets the boundary. */
export function multipartRequest(path: string, form: FormData, headers: HeaderMap = {}): Request {
  return new Request(apiUrl(path), { method: 'POST', body: form, headers });
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomTag(4)}`;

/** Lower-case letters only: usable in names, email local parts and search prefixes. */
export function randomTag(length = 8): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) => letters[b % 26]).join(
    '',
  );
}

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${unique()}@example.com`;
}

/** A client address nobody else uses, as the socket's peer (see fromIp). */
export function uniqueIp(): string {
  const [a = 0, b = 0, c = 0] = crypto.getRandomValues(new Uint8Array(3));
  return `10.${a}.${b}.${c === 0 ? 1 : c}`;
}

/**
 * A request from `ip` as the socket saw it: the header scripts/peer-address.cjs sets in a real
 * server (test/setup-env.ts tells the app to believe it, as the preload does).
 */
export const fromIp = (ip: string): HeaderMap => ({ 'x-parley-peer-address': ip });
export const withCookie = (cookie: string): HeaderMap => ({ cookie });
export const bearer = (token: string): HeaderMap => ({ authorization: `Bearer ${token}` });

export async function readJson<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export type ErrorBody = { code: string; message: string; fields?: Record<string, string> };

/** The `{error: {code, message, fields?}}` body every failure answers with. */
export async function errorOf(res: Response): Promise<ErrorBody> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await readJson<{ error: ErrorBody }>(res);
  expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  return body.error;
}

/** Asserts the status and error code in one go, and hands back the error for further checks. */
export async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const error = await errorOf(res);
  expect(error.code).toBe(code);
  return error;
}

/** The `name=value` part of the response's Set-Cookie, ready to send back as a Cookie header. */
export function sessionCookieFrom(res: Response): string {
  const setCookie = res.headers.get('set-cookie');
  expect(setCookie, 'the response sets a session cookie').toBeTruthy();
  const pair = setCookie!.split(';')[0]!.trim();
  expect(pair).toMatch(/^(__Secure-)?next-auth\.session-token=.+/);
  return pair;
}

/** A request with no body, for PUT routes (reactions). */
export function putRequest(path: string, headers: HeaderMap = {}): Request {
  return new Request(apiUrl(path), { method: 'PUT', headers });
}

/**
 * The body errors every JSON route shares, registered as one describe per route: malformed JSON
 * and an empty body → 400, a non-JSON content type → 415, a body over 1 MB → 413.
 * `headers` returns what the caller needs to get past authentication (a cookie, or an address).
 */
export function describeJsonBodyErrors(opts: {
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  handler: (req: Request) => Promise<Response>;
  headers: () => Promise<HeaderMap> | HeaderMap;
}) {
  const send = async (body: BodyInit, contentType: string) =>
    opts.handler(
      rawRequest(opts.method, opts.path, body, {
        'content-type': contentType,
        ...(await opts.headers()),
      }),
    );

  describe(`${opts.method} ${opts.path}: body errors`, () => {
    it('answers 400 for malformed JSON', async () => {
      await expectError(await send('{"name":', 'application/json'), 400, 'bad_request');
    });

    it('answers 400 for an empty body', async () => {
      await expectError(await send('', 'application/json'), 400, 'bad_request');
    });

    it('answers 415 for a body that is not JSON', async () => {
      await expectError(
        await send('name=x', 'application/x-www-form-urlencoded'),
        415,
        'unsupported_media_type',
      );
    });

    it('answers 413 for a body over 1 MB', async () => {
      await expectError(
        await send(JSON.stringify({ name: 'x'.repeat(1024 * 1024) }), 'application/json'),
        413,
        'payload_too_large',
      );
    });
  });
}
