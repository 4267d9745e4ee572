/**
 * Helpers for the /api/v1 route tests: they call the exported handlers directly with standard
 * Requests, against the in-memory SQLite store. Every account gets a fresh email and a fresh
 * client address, so rate limits counted in one test never spill into another.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { POST as signUpRoute } from '@/app/api/v1/auth/signup/route';
import { GET as getConversationRoute } from '@/app/api/v1/conversations/[id]/route';
import {
  GET as listMessagesRoute,
  POST as sendMessageRoute,
} from '@/app/api/v1/conversations/[id]/messages/route';
import { POST as createConversationRoute } from '@/app/api/v1/conversations/route';
import { POST as createTokenRoute } from '@/app/api/v1/tokens/route';
import { POST as uploadRoute } from '@/app/api/v1/uploads/route';
import {
  conversationResponseSchema,
  messageResponseSchema,
  messagesResponseSchema,
  uploadResponseSchema,
  type AttachmentWire,
  type ConversationWire,
  type MessageWire,
} from '@/lib/chat/wire';

export const BASE_URL = 'http://parley.test';
export const PASSWORD = 'correct horse battery staple';

type HeaderMap = Record<string, string>;

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

export type Me = {
  id: string;
  email: string;
  name: string;
  image: string | null;
  statusText: string | null;
  createdAt: string;
};

export type TestAccount = { cookie: string; user: Me; email: string; password: string };

/** Signs up through POST /auth/signup (from its own address) and returns the new account. */
export async function signUpUser(
  opts: { email?: string; name?: string; password?: string } = {},
): Promise<TestAccount> {
  const email = opts.email ?? uniqueEmail();
  const password = opts.password ?? PASSWORD;
  const res = await signUpRoute(
    jsonRequest(
      'POST',
      '/auth/signup',
      { email, password, name: opts.name ?? 'Test User' },
      fromIp(uniqueIp()),
    ),
  );
  expect(res.status, 'sign-up succeeds').toBe(201);
  const cookie = sessionCookieFrom(res);
  const { user } = await readJson<{ user: Me }>(res);
  return { cookie, user, email, password };
}

/** Signs up a fresh account and returns its session cookie (`name=value`) for a Cookie header. */
export async function signUpAndGetCookie(
  opts: { email?: string; name?: string; password?: string } = {},
): Promise<string> {
  return (await signUpUser(opts)).cookie;
}

/** Creates a personal API token through POST /tokens for the account behind `cookie`. */
export async function createApiToken(
  cookie: string,
  name = 'Test token',
): Promise<{ token: string; id: string }> {
  const res = await createTokenRoute(jsonRequest('POST', '/tokens', { name }, withCookie(cookie)));
  expect(res.status, 'token creation succeeds').toBe(201);
  const { token, id } = await readJson<{ token: string; id: string }>(res);
  return { token, id };
}

/** A Retry-After header: whole seconds, at least one and at most `maxSeconds`. */
export function expectRetryAfter(res: Response, maxSeconds: number): void {
  const value = res.headers.get('retry-after');
  expect(value).toMatch(/^\d+$/);
  expect(Number(value)).toBeGreaterThanOrEqual(1);
  expect(Number(value)).toBeLessThanOrEqual(maxSeconds);
}

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif';

/** A real image in `format`, a solid colour of the given size, made with sharp. */
export async function makeImage(
  format: ImageFormat,
  opts: { width?: number; height?: number; color?: string } = {},
): Promise<Uint8Array> {
  const image = sharp({
    create: {
      width: opts.width ?? 64,
      height: opts.height ?? 64,
      channels: 3,
      background: opts.color ?? '#3366cc',
    },
  });
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

/** A form with `bytes` as a file in `field` (the avatar route reads the `file` field). */
export function fileForm(
  bytes: Uint8Array,
  opts: { name?: string; type?: string; field?: string } = {},
): FormData {
  const form = new FormData();
  form.set(
    opts.field ?? 'file',
    new File([bytes as BlobPart], opts.name ?? 'avatar.png', { type: opts.type ?? 'image/png' }),
  );
  return form;
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

// ── Chat: conversations, messages and uploads ──────────────────────────────────────────────────

/** A request with no body, for PUT routes (reactions). */
export function putRequest(path: string, headers: HeaderMap = {}): Request {
  return new Request(apiUrl(path), { method: 'PUT', headers });
}

/** A fresh client-generated message id, as the composer sends (a uuid). */
export const newClientId = (): string => crypto.randomUUID();

/** `[T, T, …]` with N elements, so destructuring fresh accounts needs no checks. */
type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N
  ? R
  : Tuple<T, N, [T, ...R]>;

/** `count` fresh accounts (named "<name> 1", "<name> 2", …), signed up one after another. */
export async function signUpUsers<N extends number>(
  count: N,
  name = 'Test User',
): Promise<Tuple<TestAccount, N>> {
  const accounts: TestAccount[] = [];
  for (let i = 0; i < count; i++) accounts.push(await signUpUser({ name: `${name} ${i + 1}` }));
  return accounts as Tuple<TestAccount, N>;
}

/** POST /conversations as `account`, parsed with the wire schema (201 or 200 expected). */
async function startConversation(account: TestAccount, body: unknown): Promise<ConversationWire> {
  const res = await createConversationRoute(
    jsonRequest('POST', '/conversations', body, withCookie(account.cookie)),
  );
  expect([200, 201], 'the conversation is started').toContain(res.status);
  return conversationResponseSchema.parse(await res.json()).conversation;
}

/** The direct conversation between `a` and `b` (created by `a` when there is none yet). */
export function startDirect(a: TestAccount, b: TestAccount): Promise<ConversationWire> {
  return startConversation(a, { kind: 'direct', memberIds: [b.user.id] });
}

/** A group owned by `owner` with `members` as plain members. */
export function startGroup(
  owner: TestAccount,
  members: TestAccount[],
  name = 'Test group',
): Promise<ConversationWire> {
  return startConversation(owner, {
    kind: 'group',
    name,
    memberIds: members.map((m) => m.user.id),
  });
}

/** POST /conversations/:id/messages as `account`; `input` defaults to a fresh clientId. */
export function postMessage(
  account: TestAccount,
  conversationId: string,
  input: {
    body?: string;
    clientId?: string;
    replyToId?: string;
    attachmentIds?: string[];
    threadRootId?: string;
    alsoSendToConversation?: boolean;
  } = {},
  headers: HeaderMap = withCookie(account.cookie),
): Promise<Response> {
  return sendMessageRoute(
    jsonRequest(
      'POST',
      `/conversations/${conversationId}/messages`,
      { body: 'hello', clientId: newClientId(), ...input },
      headers,
    ),
    withParams({ id: conversationId }),
  );
}

/** Sends `body` and returns the stored message (the send must succeed with 201). */
export async function sendText(
  account: TestAccount,
  conversationId: string,
  body: string,
  input: {
    clientId?: string;
    replyToId?: string;
    attachmentIds?: string[];
    threadRootId?: string;
    alsoSendToConversation?: boolean;
  } = {},
): Promise<MessageWire> {
  const res = await postMessage(account, conversationId, { body, ...input });
  expect(res.status, 'the message is sent').toBe(201);
  return messageResponseSchema.parse(await res.json()).message;
}

/** GET /conversations/:id as `account`, parsed with the wire schema (200 expected). */
export async function fetchConversation(
  account: TestAccount,
  conversationId: string,
): Promise<ConversationWire> {
  const res = await getConversationRoute(
    getRequest(`/conversations/${conversationId}`, withCookie(account.cookie)),
    withParams({ id: conversationId }),
  );
  expect(res.status, 'the conversation can be read').toBe(200);
  return conversationResponseSchema.parse(await res.json()).conversation;
}

/** GET /conversations/:id/messages as `account` with an optional query string ("before=3"). */
export async function fetchMessages(
  account: TestAccount,
  conversationId: string,
  query = '',
): Promise<{ messages: MessageWire[]; hasMore: boolean }> {
  const res = await listMessagesRoute(
    getRequest(
      `/conversations/${conversationId}/messages${query ? `?${query}` : ''}`,
      withCookie(account.cookie),
    ),
    withParams({ id: conversationId }),
  );
  expect(res.status, 'the messages can be read').toBe(200);
  return messagesResponseSchema.parse(await res.json());
}

/** POST /uploads as `account` with an image (a 64×64 PNG unless given); 201 expected. */
export async function uploadImage(
  account: TestAccount,
  bytes?: Uint8Array,
  name = 'photo.png',
): Promise<AttachmentWire> {
  const form = fileForm(bytes ?? (await makeImage('png')), { name });
  const res = await uploadRoute(multipartRequest('/uploads', form, withCookie(account.cookie)));
  expect(res.status, 'the upload is stored').toBe(201);
  return uploadResponseSchema.parse(await res.json()).upload;
}
