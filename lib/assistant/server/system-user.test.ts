import { beforeAll, describe, expect, it } from 'vitest';

import { POST as signInRoute } from '@/app/api/v1/auth/signin/route';
import { POST as signUpRoute } from '@/app/api/v1/auth/signup/route';
import { POST as tokenRoute } from '@/app/api/v1/auth/token/route';
import { POST as createConversationRoute } from '@/app/api/v1/conversations/route';
import { GET as searchUsersRoute } from '@/app/api/v1/users/route';
import { conversationResponseSchema } from '@/lib/chat/wire';
import { getStore } from '@/lib/app-store';
import { createSqliteStore } from '@/lib/db/sqlite';
import {
  expectError,
  fromIp,
  getRequest,
  jsonRequest,
  readJson,
  signUpUser,
  uniqueIp,
  withCookie,
  type TestAccount,
} from '@/test/api';

import { ASSISTANT_EMAIL, ASSISTANT_ID, ASSISTANT_NAME } from '../identity';
import { ensureAssistantUser } from './system-user';

let ana: TestAccount;
beforeAll(async () => {
  ana = await signUpUser({ name: 'Ana' });
});

describe('ensureAssistantUser', () => {
  it('creates the assistant once, on a store that knows nothing of it', async () => {
    const store = createSqliteStore(':memory:');
    try {
      expect(await store.getUserById({ id: ASSISTANT_ID })).toBeNull();
      await ensureAssistantUser(store);
      await ensureAssistantUser(store);
      expect(await store.getUserById({ id: ASSISTANT_ID })).toMatchObject({
        name: ASSISTANT_NAME,
        email: ASSISTANT_EMAIL,
      });
    } finally {
      await store.close();
    }
  });

  it('leaves chat working when someone already holds its email', async () => {
    const store = createSqliteStore(':memory:');
    try {
      await store.createUser({ email: ASSISTANT_EMAIL, name: 'Early bird', passwordHash: null });
      await expect(ensureAssistantUser(store)).resolves.toBeUndefined();
      expect(await store.getUserById({ id: ASSISTANT_ID })).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('passes on any other failure (a store that cannot be reached)', async () => {
    const store = createSqliteStore(':memory:');
    await store.close();
    await expect(ensureAssistantUser(store)).rejects.toThrow();
  });
});

describe('the assistant as a person', () => {
  it('exists as soon as the app store is ready, once', async () => {
    const store = await getStore();
    const user = await store.getUserById({ id: ASSISTANT_ID });
    expect(user).toMatchObject({ id: ASSISTANT_ID, name: ASSISTANT_NAME, email: ASSISTANT_EMAIL });
    const again = await store.ensureSystemUser({
      id: ASSISTANT_ID,
      email: ASSISTANT_EMAIL,
      name: ASSISTANT_NAME,
    });
    expect(again.createdAt).toEqual(user!.createdAt);
  });

  it('is found by the people search, by the start of its name', async () => {
    for (const query of ['parley', 'Parley AI']) {
      const res = await searchUsersRoute(
        getRequest(`/users?query=${encodeURIComponent(query)}`, withCookie(ana.cookie)),
      );
      expect(res.status).toBe(200);
      const { users } = await readJson<{ users: { id: string; name: string }[] }>(res);
      expect(users).toContainEqual({ id: ASSISTANT_ID, name: ASSISTANT_NAME, image: null });
    }
  });

  it('can be messaged directly: "New message" to it opens a conversation named after it', async () => {
    const res = await createConversationRoute(
      jsonRequest(
        'POST',
        '/conversations',
        { kind: 'direct', memberIds: [ASSISTANT_ID] },
        withCookie(ana.cookie),
      ),
    );
    expect(res.status).toBe(201);
    const { conversation } = conversationResponseSchema.parse(await res.json());
    expect(conversation.name).toBe(ASSISTANT_NAME);
    expect(conversation.members.map((m) => m.id).sort()).toEqual(
      [ana.user.id, ASSISTANT_ID].sort(),
    );
  });
});

describe('nobody can act as the assistant', () => {
  const credentials = (password: string) => ({ email: ASSISTANT_EMAIL, password });

  it('has no password, no linked account and no API token', async () => {
    const store = await getStore();
    expect(await store.getPasswordHash({ userId: ASSISTANT_ID })).toBeNull();
    expect(await store.listApiTokens({ userId: ASSISTANT_ID })).toEqual([]);
  });

  it('refuses a sign-in with its email, whatever the password', async () => {
    for (const password of ['x', 'correct horse battery staple', 'null']) {
      const res = await signInRoute(
        jsonRequest('POST', '/auth/signin', credentials(password), fromIp(uniqueIp())),
      );
      await expectError(res, 401, 'unauthorized');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('refuses to exchange its email for an API token', async () => {
    const res = await tokenRoute(
      jsonRequest('POST', '/auth/token', credentials('anything at all'), fromIp(uniqueIp())),
    );
    await expectError(res, 401, 'unauthorized');
  });

  it('refuses a sign-up that would claim its email', async () => {
    const res = await signUpRoute(
      jsonRequest(
        'POST',
        '/auth/signup',
        { ...credentials('a long enough password'), name: 'Impostor' },
        fromIp(uniqueIp()),
      ),
    );
    await expectError(res, 409, 'conflict');
  });
});
