import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { DELETE as removeMember } from '@/app/api/v1/conversations/[id]/members/[userId]/route';
import { DELETE as deleteMessage } from '@/app/api/v1/messages/[id]/route';
import {
  bearer,
  createApiToken,
  deleteRequest,
  expectError,
  fetchMessages,
  getRequest,
  makeImage,
  sendText,
  signUpUser,
  signUpUsers,
  startGroup,
  uploadImage,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { GET } from './route';

const fetchUpload = (headers: Record<string, string>, id: string, query = '') =>
  GET(getRequest(`/uploads/${id}${query}`, headers), withParams({ id }));

const as = (account: TestAccount, id: string, query = '') =>
  fetchUpload(withCookie(account.cookie), id, query);

async function imageOf(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/webp');
  return sharp(Buffer.from(await res.arrayBuffer())).metadata();
}

/** A 1000×600 image sent by `owner` in a group with `member`; `outsider` belongs to none. */
async function sharedImage() {
  const [owner, member, outsider] = await signUpUsers(3);
  const group = await startGroup(owner, [member]);
  const upload = await uploadImage(owner, await makeImage('png', { width: 1000, height: 600 }));
  const message = await sendText(owner, group.id, 'look', { attachmentIds: [upload.id] });
  expect(message.attachments.map((a) => a.id)).toEqual([upload.id]);
  return { owner, member, outsider, group, upload };
}

describe('GET /api/v1/uploads/:id', () => {
  it('serves an unsent upload to its uploader as WebP, cached privately', async () => {
    const account = await signUpUser();
    const upload = await uploadImage(account, await makeImage('jpeg', { width: 300, height: 200 }));
    const res = await as(account, upload.id);
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await imageOf(res)).toMatchObject({ format: 'webp', width: 300, height: 200 });
  });

  it('answers 404 to anyone else before a message claims it', async () => {
    const [uploader, other] = await signUpUsers(2);
    // Even someone who shares a conversation with the uploader.
    await startGroup(uploader, [other]);
    const upload = await uploadImage(uploader);
    await expectError(await as(other, upload.id), 404, 'not_found');
    await expectError(await as(other, upload.id, '?size=thumb'), 404, 'not_found');
  });

  it('serves a sent image, and its thumbnail, to every member of the conversation', async () => {
    const { owner, member, upload } = await sharedImage();
    for (const account of [owner, member]) {
      expect(await imageOf(await as(account, upload.id))).toMatchObject({
        format: 'webp',
        width: 1000,
        height: 600,
      });
      expect(await imageOf(await as(account, upload.id, '?size=thumb'))).toMatchObject({
        format: 'webp',
        width: 480,
        height: 288,
      });
    }
    expect(await imageOf(await as(member, upload.id, '?size=full'))).toMatchObject({ width: 1000 });
  });

  it('answers 404 to someone who is not a member of that conversation', async () => {
    const { outsider, upload } = await sharedImage();
    await expectError(await as(outsider, upload.id), 404, 'not_found');
    await expectError(await as(outsider, upload.id, '?size=thumb'), 404, 'not_found');
  });

  it('answers 404 to a member once they have left', async () => {
    const { member, group, upload } = await sharedImage();
    const left = await removeMember(
      deleteRequest(
        `/conversations/${group.id}/members/${member.user.id}`,
        withCookie(member.cookie),
      ),
      withParams({ id: group.id, userId: member.user.id }),
    );
    expect(left.status).toBe(200);
    await expectError(await as(member, upload.id), 404, 'not_found');
  });

  // A deleted message takes its images with it.
  it('answers 404 to everyone once the message holding it is deleted', async () => {
    const { owner, member, group, upload } = await sharedImage();
    const [sent] = (await fetchMessages(owner, group.id)).messages.filter((m) =>
      m.attachments.some((a) => a.id === upload.id),
    );
    const res = await deleteMessage(
      deleteRequest(`/messages/${sent!.id}`, withCookie(owner.cookie)),
      withParams({ id: sent!.id }),
    );
    expect(res.status).toBe(200);
    for (const account of [owner, member]) {
      await expectError(await as(account, upload.id), 404, 'not_found');
      await expectError(await as(account, upload.id, '?size=thumb'), 404, 'not_found');
    }
  });

  it('serves the image to a member calling with an API token', async () => {
    const { member, upload } = await sharedImage();
    const { token } = await createApiToken(member.cookie);
    expect(await imageOf(await fetchUpload(bearer(token), upload.id))).toMatchObject({
      width: 1000,
    });
  });

  it('answers 401 when signed out and 404 for an unknown id', async () => {
    const account = await signUpUser();
    await expectError(await fetchUpload({}, 'up_missing'), 401, 'unauthorized');
    await expectError(await as(account, 'up_missing'), 404, 'not_found');
  });

  it('answers 400 for an unknown size', async () => {
    const { member, upload } = await sharedImage();
    await expectError(await as(member, upload.id, '?size=huge'), 400, 'bad_request');
  });
});
