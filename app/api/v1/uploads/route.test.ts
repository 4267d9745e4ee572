import { describe, expect, it } from 'vitest';

import { uploadResponseSchema } from '@/lib/chat/wire';
import {
  bearer,
  createApiToken,
  expectError,
  expectRetryAfter,
  fileForm,
  jsonRequest,
  makeImage,
  multipartRequest,
  rawRequest,
  signUpUser,
  withCookie,
  type ImageFormat,
  type TestAccount,
} from '@/test/api';

import { POST } from './route';

const send = (account: TestAccount, form: FormData) =>
  POST(multipartRequest('/uploads', form, withCookie(account.cookie)));

const MB = 1024 * 1024;

describe('POST /api/v1/uploads', () => {
  it.each<[ImageFormat, string]>([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
    ['gif', 'image/gif'],
  ])('answers 201 for a %s image, stored as WebP with its size', async (format, type) => {
    const account = await signUpUser();
    const bytes = await makeImage(format, { width: 120, height: 80 });
    const res = await send(account, fileForm(bytes, { name: `holiday.${format}`, type }));
    expect(res.status).toBe(201);
    const { upload } = uploadResponseSchema.parse(await res.json());
    expect(upload).toEqual({
      id: expect.stringMatching(/^up_/),
      kind: 'image',
      name: `holiday.${format}`,
      contentType: 'image/webp',
      size: expect.any(Number),
      width: 120,
      height: 80,
      url: `/api/v1/uploads/${upload.id}`,
      thumbUrl: `/api/v1/uploads/${upload.id}?size=thumb`,
    });
    expect(upload.size).toBeGreaterThan(0);
  });

  it('scales a large image down to 2048 pixels on its longest side', async () => {
    const account = await signUpUser();
    const res = await send(
      account,
      fileForm(await makeImage('png', { width: 4096, height: 1024 })),
    );
    const { upload } = uploadResponseSchema.parse(await res.json());
    expect(upload).toMatchObject({ width: 2048, height: 512 });
  });

  it('keeps file names short and printable', async () => {
    const account = await signUpUser();
    const res = await send(
      account,
      fileForm(await makeImage('png'), { name: `<script>${'a'.repeat(200)}.png` }),
    );
    const { upload } = uploadResponseSchema.parse(await res.json());
    expect(upload.name).not.toMatch(/[<>]/);
    expect(upload.name.length).toBeLessThanOrEqual(120);
  });

  it('answers 415 for bytes that are not an image, whatever the name says', async () => {
    const account = await signUpUser();
    const text = new TextEncoder().encode('not an image at all\n'.repeat(50));
    const res = await send(account, fileForm(text, { name: 'photo.png', type: 'image/png' }));
    await expectError(res, 415, 'unsupported_media_type');
  });

  it('answers 422 for a file that starts like a PNG but is not one', async () => {
    const account = await signUpUser();
    const broken = new Uint8Array(300).fill(9);
    broken.set((await makeImage('png')).subarray(0, 16));
    const error = await expectError(
      await send(account, fileForm(broken)),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ file: expect.any(String) });
  });

  it('answers 413 for a file over 10 MB', async () => {
    const account = await signUpUser();
    const big = new Uint8Array(10 * MB + 1);
    big.set(await makeImage('png'));
    await expectError(await send(account, fileForm(big)), 413, 'payload_too_large');
  });

  it('answers 413 for a body far over the limit', async () => {
    const account = await signUpUser();
    await expectError(
      await send(account, fileForm(new Uint8Array(16 * MB))),
      413,
      'payload_too_large',
    );
  });

  it('answers 422 without a file, or with an empty one', async () => {
    const account = await signUpUser();
    const noFile = new FormData();
    noFile.set('image', new File([(await makeImage('png')) as BlobPart], 'a.png'));
    for (const form of [noFile, fileForm(new Uint8Array(0))]) {
      const error = await expectError(await send(account, form), 422, 'validation_failed');
      expect(error.fields).toEqual({ file: expect.any(String) });
    }
  });

  it('answers 415 for a body that is not multipart', async () => {
    const account = await signUpUser();
    const res = await POST(
      jsonRequest('POST', '/uploads', { file: 'x' }, withCookie(account.cookie)),
    );
    await expectError(res, 415, 'unsupported_media_type');
  });

  it('answers 400 for a multipart body that cannot be read', async () => {
    const account = await signUpUser();
    const res = await POST(
      rawRequest('POST', '/uploads', 'garbage', {
        'content-type': 'multipart/form-data; boundary=----nope',
        ...withCookie(account.cookie),
      }),
    );
    await expectError(res, 400, 'bad_request');
  });

  it('answers 429 with Retry-After after 30 uploads in a minute', async () => {
    const account = await signUpUser();
    const bytes = await makeImage('png', { width: 8, height: 8 });
    for (let i = 0; i < 30; i++) expect((await send(account, fileForm(bytes))).status).toBe(201);
    const res = await send(account, fileForm(bytes));
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
  });

  it('works with a bearer API token', async () => {
    const account = await signUpUser();
    const { token } = await createApiToken(account.cookie);
    const res = await POST(
      multipartRequest('/uploads', fileForm(await makeImage('png')), bearer(token)),
    );
    expect(res.status).toBe(201);
  });

  it('answers 401 when signed out', async () => {
    const res = await POST(multipartRequest('/uploads', fileForm(await makeImage('png'))));
    await expectError(res, 401, 'unauthorized');
  });
});
