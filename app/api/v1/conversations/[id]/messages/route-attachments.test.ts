import { afterEach, describe, expect, it, vi } from 'vitest';

import { messageResponseSchema } from '@/lib/chat/wire';
import {
  expectError,
  newClientId,
  postMessage,
  sendText,
  signUpUsers,
  startDirect,
  startGroup,
  uploadImage,
} from '@/test/api';

afterEach(() => {
  vi.restoreAllMocks();
});

const pair = async () => {
  const [a, b] = await signUpUsers(2);
  const conversation = await startDirect(a, b);
  return { a, b, id: conversation.id };
};

const messageOf = async (res: Response) => messageResponseSchema.parse(await res.json()).message;

describe('POST /api/v1/conversations/:id/messages with attachments', () => {
  it('answers 201 for an image with no text, and embeds the attachment', async () => {
    const { a, id } = await pair();
    const upload = await uploadImage(a);
    const res = await postMessage(a, id, { body: '   ', attachmentIds: [upload.id] });
    expect(res.status).toBe(201);
    const message = await messageOf(res);
    expect(message.body).toBe('');
    expect(message.attachments).toEqual([upload]);
  });

  it('answers 200 with the same message when a send with attachments is retried', async () => {
    const { a, id } = await pair();
    const upload = await uploadImage(a);
    const clientId = newClientId();
    const first = await messageOf(
      await postMessage(a, id, { body: 'pic', clientId, attachmentIds: [upload.id] }),
    );
    const retry = await postMessage(a, id, { body: 'pic', clientId, attachmentIds: [upload.id] });
    expect(retry.status).toBe(200);
    expect((await messageOf(retry)).id).toBe(first.id);
  });

  it('answers 422 for someone else’s upload', async () => {
    const { a, b, id } = await pair();
    const theirs = await uploadImage(b);
    const error = await expectError(
      await postMessage(a, id, { body: 'mine?', attachmentIds: [theirs.id] }),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ attachmentIds: expect.any(String) });
  });

  it('answers 422 for an upload that does not exist', async () => {
    const { a, id } = await pair();
    const error = await expectError(
      await postMessage(a, id, { body: 'ghost', attachmentIds: ['up_doesnotexist'] }),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ attachmentIds: expect.any(String) });
  });

  it('answers 422 for an upload already claimed by a message in another conversation', async () => {
    const { a, b, id } = await pair();
    const group = await startGroup(a, [b]);
    const upload = await uploadImage(a);
    await sendText(a, group.id, 'first use', { attachmentIds: [upload.id] });
    const error = await expectError(
      await postMessage(a, id, { body: 'second use', attachmentIds: [upload.id] }),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ attachmentIds: expect.any(String) });
  });

  // A new send (new clientId) may not reuse an image another message already claimed here.
  it('answers 422 for an upload already claimed in the same conversation', async () => {
    const { a, id } = await pair();
    const upload = await uploadImage(a);
    await sendText(a, id, 'first use', { attachmentIds: [upload.id] });
    const res = await postMessage(a, id, { body: 'second use', attachmentIds: [upload.id] });
    await expectError(res, 422, 'validation_failed');
  });
});
