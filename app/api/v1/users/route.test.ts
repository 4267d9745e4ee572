import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { ASSISTANT_ID, ASSISTANT_NAME } from '@/lib/assistant/identity';
import { publicUserSchema } from '@/lib/openapi/responses';

import {
  bearer,
  createApiToken,
  expectError,
  expectRetryAfter,
  getRequest,
  jsonRequest,
  randomTag,
  readJson,
  signUpUser,
  startDirect,
  withCookie,
  type TestAccount,
} from '@/test/api';

import { GET as getPrivacy, PATCH as patchPrivacy } from '../me/privacy/route';
import { GET } from './route';

type Page = {
  users: { id: string; name: string; image: string | null }[];
  nextCursor: string | null;
};

const search = (cookie: string, params: Record<string, string>) =>
  GET(getRequest(`/users?${new URLSearchParams(params).toString()}`, withCookie(cookie)));
const pageOf = (res: Response) => readJson<Page>(res);

// One directory for the file: a caller and three people who share a name prefix unique to this run.
const tag = randomTag(10);
let caller: TestAccount;
let people: TestAccount[];

beforeAll(async () => {
  caller = await signUpUser({ name: `${tag} Caller`, email: `${tag}-caller@example.com` });
  people = [
    await signUpUser({ name: `${tag} Alpha`, email: `alpha-${tag}@example.com` }),
    await signUpUser({ name: `${tag} Bravo`, email: `bravo-${tag}@example.com` }),
    await signUpUser({ name: `${tag} Charlie`, email: `charlie-${tag}@example.com` }),
  ];
});

describe('GET /api/v1/users', () => {
  it('finds Parley AI by "AI" and "assistant", first', async () => {
    for (const query of ['AI', 'ai', 'assist']) {
      const { users } = await pageOf(await search(caller.cookie, { query }));
      expect(users[0]).toMatchObject({ id: ASSISTANT_ID, name: ASSISTANT_NAME });
      expect(users.filter((u) => u.id === ASSISTANT_ID)).toHaveLength(1);
    }
    const byName = await pageOf(await search(caller.cookie, { query: 'Parley' }));
    expect(byName.users.filter((u) => u.id === ASSISTANT_ID)).toHaveLength(1);
    const other = await pageOf(await search(caller.cookie, { query: 'zz-nobody' }));
    expect(other.users.some((u) => u.id === ASSISTANT_ID)).toBe(false);
  });

  it('finds people by the start of their name, case-insensitively, and leaves out the caller', async () => {
    const res = await search(caller.cookie, { query: tag.toUpperCase() });
    expect(res.status).toBe(200);
    const page = await pageOf(res);
    expect(page.users.map((u) => u.id)).toEqual(people.map((p) => p.user.id));
    expect(page.nextCursor).toBeNull();
  });

  describe('account discovery by email (finding 13)', () => {
    // Names outside the directory prefix the other tests page through.
    const other = randomTag(10);
    it('does not reveal who has an account from their exact email, by default', async () => {
      for (const query of [people[1]!.email, people[1]!.email.toUpperCase(), `bravo-${tag}`]) {
        const res = await search(caller.cookie, { query });
        expect(res.status).toBe(200);
        expect((await pageOf(res)).users).toEqual([]);
      }
    });

    it('finds a person by their exact email once they allow it, and not after they stop', async () => {
      const person = await signUpUser({ name: `${other} Delta` });
      const allow = (findableByEmail: boolean) =>
        patchPrivacy(
          jsonRequest('PATCH', '/me/privacy', { findableByEmail }, withCookie(person.cookie)),
        );
      expect(await readJson(await allow(true))).toEqual({ findableByEmail: true });
      expect((await pageOf(await search(caller.cookie, { query: person.email }))).users).toEqual([
        { id: person.user.id, name: `${other} Delta`, image: null },
      ]);
      await allow(false);
      expect((await pageOf(await search(caller.cookie, { query: person.email }))).users).toEqual(
        [],
      );
    });

    it('finds someone who already shares a conversation with the caller', async () => {
      const a = await signUpUser({ name: `${other} Echo` });
      const b = await signUpUser({ name: `${other} Foxtrot` });
      await startDirect(a, b);
      expect(
        (await pageOf(await search(a.cookie, { query: b.email }))).users.map((u) => u.id),
      ).toEqual([b.user.id]);
      expect((await pageOf(await search(caller.cookie, { query: b.email }))).users).toEqual([]);
    });

    it('shows the privacy setting off for a new account, and refuses a non-boolean', async () => {
      const person = await signUpUser();
      const res = await getPrivacy(getRequest('/me/privacy', withCookie(person.cookie)));
      expect(await readJson(res)).toEqual({ findableByEmail: false });
      await expectError(
        await patchPrivacy(
          jsonRequest(
            'PATCH',
            '/me/privacy',
            { findableByEmail: 'yes' },
            withCookie(person.cookie),
          ),
        ),
        422,
        'validation_failed',
      );
    });
  });

  it('does not match the middle of a name or email', async () => {
    const page = await pageOf(await search(caller.cookie, { query: `lpha-${tag}` }));
    expect(page.users).toEqual([]);
  });

  it('shows only public fields, never emails', async () => {
    const res = await search(caller.cookie, { query: tag });
    const text = await res.text();
    expect(text).not.toContain('@example.com');
    const page = z
      .object({ users: z.array(publicUserSchema.strict()), nextCursor: z.string().nullable() })
      .parse(JSON.parse(text));
    for (const user of page.users)
      expect(Object.keys(user).sort()).toEqual(['id', 'image', 'name']);
  });

  it('leaves out the caller even when only the caller matches', async () => {
    const page = await pageOf(await search(caller.cookie, { query: `${tag}-caller` }));
    expect(page.users).toEqual([]);
  });

  it('pages with nextCursor until the last page', async () => {
    const first = await pageOf(await search(caller.cookie, { query: tag, limit: '2' }));
    expect(first.users.map((u) => u.name)).toEqual([`${tag} Alpha`, `${tag} Bravo`]);
    expect(first.nextCursor).toEqual(expect.any(String));

    const second = await pageOf(
      await search(caller.cookie, { query: tag, limit: '2', cursor: first.nextCursor! }),
    );
    expect(second.users.map((u) => u.name)).toEqual([`${tag} Charlie`]);
    expect(second.nextCursor).toBeNull();
  });

  it('matches accented names whatever their case', async () => {
    const accented = await signUpUser({ name: `Élodie ${tag}` });
    const page = await pageOf(await search(caller.cookie, { query: 'éLODIE' }));
    expect(page.users.map((u) => u.id)).toContain(accented.user.id);
  });

  it('takes % and _ in the query literally', async () => {
    expect((await pageOf(await search(caller.cookie, { query: '%' }))).users).toEqual([]);
    expect((await pageOf(await search(caller.cookie, { query: `${tag}_` }))).users).toEqual([]);
  });

  it('starts over for a cursor it cannot read', async () => {
    const res = await search(caller.cookie, { query: tag, cursor: 'not-a-cursor' });
    expect(res.status).toBe(200);
    expect((await pageOf(res)).users).toHaveLength(3);
  });

  it('works with a bearer API token', async () => {
    const { token } = await createApiToken(caller.cookie);
    const res = await GET(getRequest(`/users?query=${tag}`, bearer(token)));
    expect((await pageOf(res)).users).toHaveLength(3);
  });

  it.each([
    ['limit=0', { limit: '0' }, 'limit'],
    ['limit=abc', { limit: 'abc' }, 'limit'],
    ['limit=51', { limit: '51' }, 'limit'],
    ['limit=1.5', { limit: '1.5' }, 'limit'],
    ['a query over 100 characters', { query: 'q'.repeat(101) }, 'query'],
    ['a cursor over 500 characters', { cursor: 'c'.repeat(501) }, 'cursor'],
  ])('answers 400 for %s', async (_case, params, field) => {
    const error = await expectError(await search(caller.cookie, params), 400, 'bad_request');
    expect(error.fields).toHaveProperty(field);
  });

  it('answers 401 when signed out', async () => {
    await expectError(await GET(getRequest(`/users?query=${tag}`)), 401, 'unauthorized');
  });

  it('answers 429 with Retry-After after 60 searches in a minute', async () => {
    const { cookie } = await signUpUser();
    for (let i = 0; i < 60; i++) expect((await search(cookie, { query: tag })).status).toBe(200);
    const res = await search(cookie, { query: tag });
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
  });
});
