import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { GET as getMe } from '@/app/api/v1/me/route';
import { GET as getAvatar } from '@/app/api/v1/users/[id]/avatar/route';
import { env } from '@/lib/env';
import {
  bearer,
  createApiToken,
  deleteRequest,
  expectError,
  expectRetryAfter,
  fileForm,
  getRequest,
  jsonRequest,
  makeImage,
  multipartRequest,
  rawRequest,
  readJson,
  signUpUser,
  withCookie,
  withParams,
  type ImageFormat,
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

/** PNG chunk checksum (zlib's CRC-32), to keep a hand-edited header valid. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const fetchAvatar = (cookie: string, id: string) =>
  getAvatar(getRequest(`/users/${id}/avatar`, withCookie(cookie)), withParams({ id }));

describe('POST /api/v1/me/avatar', () => {
  it.each<[ImageFormat, string]>([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
    ['gif', 'image/gif'],
  ])('accepts a %s image and answers 200 with the new image URL', async (format, type) => {
    const account = await signUpUser();
    const res = await upload(
      account.cookie,
      fileForm(await makeImage(format), { name: `me.${format}`, type }),
    );
    expect(res.status).toBe(200);
    const user = await userOf(res);
    expect(user).toEqual({ ...account.user, image: expect.any(String) });
    expect(user.image).toMatch(
      new RegExp(`^/api/v1/users/${account.user.id}/avatar\\?v=[0-9a-f]{16}$`),
    );
    expect(existsSync(avatarFile(user))).toBe(true);
    expect((await userOf(await getMe(getRequest('/me', withCookie(account.cookie))))).image).toBe(
      user.image,
    );
  });

  it('serves the upload back as a 256×256 WebP with a long private cache lifetime', async () => {
    const account = await signUpUser();
    const form = fileForm(await makeImage('png', { width: 640, height: 320 }));
    const user = await userOf(await upload(account.cookie, form));

    const res = await fetchAvatar(account.cookie, user.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
  });

  it('drops metadata such as EXIF from the stored image', async () => {
    const account = await signUpUser();
    const withExif = await sharp(await makeImage('jpeg'))
      .withExif({ IFD0: { Copyright: 'secret location data' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const user = await userOf(
      await upload(account.cookie, fileForm(new Uint8Array(withExif), { name: 'a.jpg' })),
    );
    const res = await fetchAvatar(account.cookie, user.id);
    const stored = Buffer.from(await res.arrayBuffer());
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes('secret location data')).toBe(false);
  });

  it('deletes the previous avatar file from disk when it is replaced', async () => {
    const account = await signUpUser();
    const first = await userOf(
      await upload(account.cookie, fileForm(await makeImage('png', { color: '#ff0000' }))),
    );
    const second = await userOf(
      await upload(account.cookie, fileForm(await makeImage('png', { color: '#00ff00' }))),
    );
    expect(second.image).not.toBe(first.image);
    expect(existsSync(avatarFile(first))).toBe(false);
    expect(existsSync(avatarFile(second))).toBe(true);
    expect((await fetchAvatar(account.cookie, account.user.id)).status).toBe(200);
  });

  it('keeps the file when the same image is uploaded again', async () => {
    const account = await signUpUser();
    const bytes = await makeImage('png', { color: '#123456' });
    const first = await userOf(await upload(account.cookie, fileForm(bytes)));
    const again = await userOf(await upload(account.cookie, fileForm(bytes)));
    expect(again.image).toBe(first.image);
    expect(existsSync(avatarFile(again))).toBe(true);
  });

  it('works with a bearer API token', async () => {
    const account = await signUpUser();
    const { token } = await createApiToken(account.cookie);
    const res = await POST(
      multipartRequest('/me/avatar', fileForm(await makeImage('png')), bearer(token)),
    );
    expect(res.status).toBe(200);
  });

  it('answers 415 for a text file named .png', async () => {
    const account = await signUpUser();
    const text = new TextEncoder().encode('definitely not an image\n'.repeat(20));
    const res = await upload(account.cookie, fileForm(text, { name: 'avatar.png' }));
    await expectError(res, 415, 'unsupported_media_type');
    expect((await userOf(await getMe(getRequest('/me', withCookie(account.cookie))))).image).toBe(
      null,
    );
  });

  it('answers 415 for an image type it does not take (SVG)', async () => {
    const account = await signUpUser();
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
    );
    const res = await upload(
      account.cookie,
      fileForm(svg, { name: 'a.svg', type: 'image/svg+xml' }),
    );
    await expectError(res, 415, 'unsupported_media_type');
  });

  it('answers 422 for a file that starts like a PNG but is not one', async () => {
    const account = await signUpUser();
    const png = await makeImage('png');
    const broken = new Uint8Array(200).fill(7);
    broken.set(png.subarray(0, 16));
    const error = await expectError(
      await upload(account.cookie, fileForm(broken)),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ file: expect.any(String) });
  });

  it('answers 422 for an image with more pixels than the limit (a decompression bomb)', async () => {
    const account = await signUpUser();
    // A 1×1 PNG whose header claims 20000×20000: refused from the header, never decoded.
    const png = await makeImage('png', { width: 1, height: 1 });
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    view.setUint32(16, 20_000);
    view.setUint32(20, 20_000);
    view.setUint32(29, crc32(png.subarray(12, 29)));
    const error = await expectError(
      await upload(account.cookie, fileForm(png)),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ file: expect.any(String) });
  });

  it('answers 413 for a file over 2 MB', async () => {
    const account = await signUpUser();
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(await makeImage('png'));
    await expectError(await upload(account.cookie, fileForm(big)), 413, 'payload_too_large');
  });

  it('answers 413 for a body far over the limit', async () => {
    const account = await signUpUser();
    const huge = new Uint8Array(5 * 1024 * 1024);
    await expectError(await upload(account.cookie, fileForm(huge)), 413, 'payload_too_large');
  });

  it('answers 422 when there is no file field', async () => {
    const account = await signUpUser();
    const form = new FormData();
    form.set('other', new File([(await makeImage('png')) as BlobPart], 'a.png'));
    const error = await expectError(await upload(account.cookie, form), 422, 'validation_failed');
    expect(error.fields).toEqual({ file: expect.any(String) });
  });

  it('answers 422 when the file field is text, not a file', async () => {
    const account = await signUpUser();
    const form = new FormData();
    form.set('file', 'just text');
    await expectError(await upload(account.cookie, form), 422, 'validation_failed');
  });

  it('answers 422 for an empty file', async () => {
    const account = await signUpUser();
    const res = await upload(account.cookie, fileForm(new Uint8Array(0)));
    await expectError(res, 422, 'validation_failed');
  });

  it('answers 415 for a body that is not multipart', async () => {
    const account = await signUpUser();
    const res = await POST(
      jsonRequest('POST', '/me/avatar', { file: 'x' }, withCookie(account.cookie)),
    );
    await expectError(res, 415, 'unsupported_media_type');
  });

  it('answers 400 for a multipart body that cannot be read', async () => {
    const account = await signUpUser();
    const res = await POST(
      rawRequest('POST', '/me/avatar', 'this is not multipart at all', {
        'content-type': 'multipart/form-data; boundary=----nothing-here',
        ...withCookie(account.cookie),
      }),
    );
    await expectError(res, 400, 'bad_request');
  });

  it('answers 401 when signed out', async () => {
    const res = await POST(multipartRequest('/me/avatar', fileForm(await makeImage('png'))));
    await expectError(res, 401, 'unauthorized');
  });

  it('answers 429 with Retry-After after 10 avatar changes in a minute', async () => {
    const account = await signUpUser();
    for (let i = 0; i < 10; i++) expect((await removeAvatar(account.cookie)).status).toBe(200);
    const res = await upload(account.cookie, fileForm(await makeImage('png')));
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
  });
});
