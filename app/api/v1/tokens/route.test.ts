import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { GET as getMe } from '@/app/api/v1/me/route';
import { hashApiToken } from '@/lib/auth/server/api-token';
import { MAX_TOKENS_PER_USER } from '@/lib/auth/server/tokens';
import { getStore } from '@/lib/db';
import { apiTokenSchema } from '@/lib/openapi/responses';
import {
  bearer,
  createApiToken,
  expectError,
  expectRetryAfter,
  getRequest,
  jsonRequest,
  readJson,
  signUpUser,
  withCookie,
  describeJsonBodyErrors,
} from '@/test/api';

import { GET, POST } from './route';

type TokenView = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

const create = (cookie: string, body: unknown) =>
  POST(jsonRequest('POST', '/tokens', body, withCookie(cookie)));
const list = async (cookie: string) =>
  (await readJson<{ tokens: TokenView[] }>(await GET(getRequest('/tokens', withCookie(cookie)))))
    .tokens;

describe('POST /api/v1/tokens', () => {
  it('answers 201 with the plain token, shown this once', async () => {
    const account = await signUpUser();
    const res = await create(account.cookie, { name: '  CI bot  ' });
    expect(res.status).toBe(201);
    expect(await readJson(res)).toEqual({
      token: expect.stringMatching(/^plk_[A-Za-z0-9_-]{43}$/),
      id: expect.stringMatching(/^tok_/),
      name: 'CI bot',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastUsedAt: null,
    });
  });

  it('makes a token that works as a bearer token', async () => {
    const account = await signUpUser();
    const { token } = await createApiToken(account.cookie, 'script');
    expect((await getMe(getRequest('/me', bearer(token)))).status).toBe(200);
  });

  it('can be called with a bearer API token', async () => {
    const account = await signUpUser();
    const { token } = await createApiToken(account.cookie);
    const res = await POST(jsonRequest('POST', '/tokens', { name: 'second' }, bearer(token)));
    expect(res.status).toBe(201);
  });

  it('answers 422 for an empty name', async () => {
    const account = await signUpUser();
    const error = await expectError(
      await create(account.cookie, { name: '   ' }),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ name: expect.any(String) });
  });

  it('answers 422 for a missing name', async () => {
    const account = await signUpUser();
    const error = await expectError(await create(account.cookie, {}), 422, 'validation_failed');
    expect(error.fields).toEqual({ name: expect.any(String) });
  });

  it('answers 422 for a name over 60 characters', async () => {
    const account = await signUpUser();
    const res = await create(account.cookie, { name: 'n'.repeat(61) });
    const error = await expectError(res, 422, 'validation_failed');
    expect(error.fields).toEqual({ name: expect.any(String) });
  });

  it(`answers 409 once the person has ${MAX_TOKENS_PER_USER} tokens`, async () => {
    const account = await signUpUser();
    const store = await getStore();
    for (let i = 0; i < MAX_TOKENS_PER_USER; i++)
      await store.createApiToken({
        userId: account.user.id,
        name: `bulk ${i}`,
        tokenHash: await hashApiToken(`bulk-${account.user.id}-${i}`),
      });
    await expectError(await create(account.cookie, { name: 'one more' }), 409, 'conflict');
  });

  it('answers 429 with Retry-After after 10 new tokens in a minute', async () => {
    const account = await signUpUser();
    for (let i = 0; i < 10; i++)
      expect((await create(account.cookie, { name: `t${i}` })).status).toBe(201);
    const res = await create(account.cookie, { name: 'eleventh' });
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
  });

  it('answers 401 when signed out', async () => {
    await expectError(
      await POST(jsonRequest('POST', '/tokens', { name: 'x' })),
      401,
      'unauthorized',
    );
  });
});

describe('GET /api/v1/tokens', () => {
  it('lists the caller’s tokens, newest first, without the plain token or its hash', async () => {
    const account = await signUpUser();
    const first = await createApiToken(account.cookie, 'first');
    const second = await createApiToken(account.cookie, 'second');

    const res = await GET(getRequest('/tokens', withCookie(account.cookie)));
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const plain of [first.token, second.token]) {
      expect(text).not.toContain(plain);
      expect(text).not.toContain(await hashApiToken(plain));
    }
    // Parsed with the documented response schema: the answer must match the OpenAPI contract.
    const { tokens } = z
      .object({ tokens: z.array(apiTokenSchema.strict()) })
      .parse(JSON.parse(text));
    expect(tokens.map((t) => t.name).sort()).toEqual(['first', 'second']);
    expect(tokens.map((t) => t.id).sort()).toEqual([first.id, second.id].sort());
    for (const t of tokens)
      expect(Object.keys(t).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name']);
  });

  it('records when a token was last used', async () => {
    const account = await signUpUser();
    const { token, id } = await createApiToken(account.cookie);
    expect((await list(account.cookie)).find((t) => t.id === id)?.lastUsedAt).toBeNull();
    await getMe(getRequest('/me', bearer(token)));
    expect((await list(account.cookie)).find((t) => t.id === id)?.lastUsedAt).toEqual(
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    );
  });

  it('does not show other people’s tokens', async () => {
    const a = await signUpUser();
    const b = await signUpUser();
    await createApiToken(a.cookie, 'mine');
    expect(await list(b.cookie)).toEqual([]);
  });

  it('answers 401 when signed out', async () => {
    await expectError(await GET(getRequest('/tokens')), 401, 'unauthorized');
  });
});

describeJsonBodyErrors({
  method: 'POST',
  path: '/tokens',
  handler: POST,
  headers: async () => withCookie((await signUpUser()).cookie),
});
