import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { GET as getMe } from '@/app/api/v1/me/route';
import { GET as getAvatar } from '@/app/api/v1/users/[id]/avatar/route';
import { env } from '@/lib/env';
import {
  bearer,
  createApiToken,
  deleteRequest,
  expectError,
  fileForm,
  getRequest,
  makeImage,
  multipartRequest,
  readJson,
  signUpUser,
  withCookie,
  withParams,
  type Me,
} from '@/test/api';

import { DELETE, POST } from './route';

const upload = (cookie: string, form: FormData) =>
  POST(multipartRequest('/me/avatar', form, withCookie(cookie)));
const removeAvatar = (cookie: string) => DELETE(deleteRequest('/me/avatar', withCookie(cookie)));
const userOf = async (res: Response) => (await readJson<{ user: Me }>(res)).user;

/** Where the local blob store keeps the avatar behind an `image` URL. */
function avatarFile(user: Me): string {
  const version = new URL(user.image!, 'http://x').searchParams.get('v');
  return path.join(env.PARLEY_DATA_DIR, 'uploads', 'avatars', user.id, `${version}.webp`);
}

const fetchAvatar = (cookie: string, id: string) =>
  getAvatar(getRequest(`/users/${id}/avatar`, withCookie(cookie)), withParams({ id }));

describe('DELETE /api/v1/me/avatar', () => {
  it('removes the avatar: image null, the file gone and GET avatar 404', async () => {
    const account = await signUpUser();
    const withAvatar = await userOf(await upload(account.cookie, fileForm(await makeImage('png'))));

    const res = await removeAvatar(account.cookie);
    expect(res.status).toBe(200);
    expect(await userOf(res)).toEqual({ ...account.user, image: null });
    expect(existsSync(avatarFile(withAvatar))).toBe(false);
    await expectError(await fetchAvatar(account.cookie, account.user.id), 404, 'not_found');
  });

  it('answers 200 with image null when there was no avatar', async () => {
    const account = await signUpUser();
    const res = await removeAvatar(account.cookie);
    expect(res.status).toBe(200);
    expect((await userOf(res)).image).toBeNull();
  });

  it('answers 401 when signed out', async () => {
    await expectError(await DELETE(deleteRequest('/me/avatar')), 401, 'unauthorized');
  });
});

describe('avatar changes from another site', () => {
  it('refuses an upload with the session cookie and Origin: http://evil.test (403), avatar kept', async () => {
    const account = await signUpUser();
    const form = fileForm(await makeImage('png'));
    const res = await POST(
      multipartRequest('/me/avatar', form, {
        ...withCookie(account.cookie),
        origin: 'http://evil.test',
      }),
    );
    await expectError(res, 403, 'cross_origin');
    expect((await userOf(await getMe(getRequest('/me', withCookie(account.cookie))))).image).toBe(
      account.user.image,
    );
  });

  it('refuses a removal from a same-site page on another port (403)', async () => {
    const account = await signUpUser();
    expect((await upload(account.cookie, fileForm(await makeImage('png')))).status).toBe(200);
    const res = await DELETE(
      deleteRequest('/me/avatar', {
        ...withCookie(account.cookie),
        'sec-fetch-site': 'same-site',
      }),
    );
    await expectError(res, 403, 'cross_origin');
    expect(
      (await userOf(await getMe(getRequest('/me', withCookie(account.cookie))))).image,
    ).not.toBeNull();
  });

  it('accepts an upload from the app’s own origin, and a bearer token from anywhere', async () => {
    const account = await signUpUser();
    const own = await POST(
      multipartRequest('/me/avatar', fileForm(await makeImage('png')), {
        ...withCookie(account.cookie),
        origin: 'http://parley.test',
      }),
    );
    expect(own.status).toBe(200);
    const { token } = await createApiToken(account.cookie);
    const bot = await POST(
      multipartRequest('/me/avatar', fileForm(await makeImage('png')), {
        ...bearer(token),
        origin: 'http://evil.test',
      }),
    );
    expect(bot.status).toBe(200);
  });
});
