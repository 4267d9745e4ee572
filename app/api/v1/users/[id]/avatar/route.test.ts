import { rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { POST as uploadAvatar } from '@/app/api/v1/me/avatar/route';
import { env } from '@/lib/env';
import {
  bearer,
  createApiToken,
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

import { GET } from './route';

const fetchAvatar = (headers: Record<string, string>, id: string) =>
  GET(getRequest(`/users/${id}/avatar`, headers), withParams({ id }));

/** Signs up someone with an avatar made from a 300×200 PNG. */
async function personWithAvatar() {
  const account = await signUpUser();
  const form = fileForm(await makeImage('png', { width: 300, height: 200, color: '#aa3300' }));
  const res = await uploadAvatar(multipartRequest('/me/avatar', form, withCookie(account.cookie)));
  expect(res.status).toBe(200);
  return { ...account, user: (await readJson<{ user: Me }>(res)).user };
}

describe('GET /api/v1/users/:id/avatar', () => {
  it("serves another person's avatar as a 256×256 WebP with a year of private caching", async () => {
    const owner = await personWithAvatar();
    const viewer = await signUpUser();
    const res = await fetchAvatar(withCookie(viewer.cookie), owner.user.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const version = new URL(owner.user.image!, 'http://x').searchParams.get('v');
    expect(res.headers.get('etag')).toBe(`"${version}.webp"`);
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
  });

  it('serves it to a bearer API token too', async () => {
    const owner = await personWithAvatar();
    const { token } = await createApiToken(owner.cookie);
    expect((await fetchAvatar(bearer(token), owner.user.id)).status).toBe(200);
  });

  it('answers 404 for someone without an avatar', async () => {
    const viewer = await signUpUser();
    const plain = await signUpUser();
    await expectError(
      await fetchAvatar(withCookie(viewer.cookie), plain.user.id),
      404,
      'not_found',
    );
  });

  it('answers 404 for an unknown user', async () => {
    const viewer = await signUpUser();
    await expectError(
      await fetchAvatar(withCookie(viewer.cookie), 'u_doesnotexist0000000'),
      404,
      'not_found',
    );
  });

  it('answers 404 when the stored file has gone missing', async () => {
    const owner = await personWithAvatar();
    const version = new URL(owner.user.image!, 'http://x').searchParams.get('v');
    await rm(
      path.join(env.PARLEY_DATA_DIR, 'uploads', 'avatars', owner.user.id, `${version}.webp`),
    );
    await expectError(await fetchAvatar(withCookie(owner.cookie), owner.user.id), 404, 'not_found');
  });

  it('answers 400 for an id over 64 characters', async () => {
    const viewer = await signUpUser();
    const error = await expectError(
      await fetchAvatar(withCookie(viewer.cookie), 'u'.repeat(65)),
      400,
      'bad_request',
    );
    expect(error.fields).toHaveProperty('id');
  });

  it('answers 401 when signed out', async () => {
    const owner = await personWithAvatar();
    await expectError(await fetchAvatar({}, owner.user.id), 401, 'unauthorized');
  });
});
