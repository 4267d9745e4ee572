/** Fresh accounts, tokens and image files for the /api/v1 route tests (re-exported by test/api.ts). */
import sharp from 'sharp';
import { expect } from 'vitest';

import { POST as signUpRoute } from '@/app/api/v1/auth/signup/route';
import { POST as createTokenRoute } from '@/app/api/v1/tokens/route';

import {
  fromIp,
  jsonRequest,
  PASSWORD,
  readJson,
  sessionCookieFrom,
  uniqueEmail,
  uniqueIp,
  withCookie,
} from './api-requests';

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
