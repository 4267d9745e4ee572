import 'server-only';

import { notFound } from '@/lib/api/errors';
import { getBlobStore } from '@/lib/blob';
import type { MembershipsPort, MessagesPort, UploadsPort } from '@/lib/db/store';
import { newId } from '@/lib/db/ids';
import type { Upload, User } from '@/lib/db/types';
import { processAttachmentImage } from '@/lib/images/server/attachment';

/** File names are shown to people, so keep them short and printable. */
function cleanName(name: string): string {
  const printable = name.replace(/[^\p{L}\p{N} ._()-]/gu, '').trim();
  return (printable || 'image').slice(0, 120);
}

/** Stores an uploaded image and its thumbnail; a message claims it through attachmentIds. */
export async function createImageUpload(
  store: UploadsPort,
  user: User,
  file: { bytes: Uint8Array; name: string },
): Promise<Upload> {
  const image = await processAttachmentImage(file.bytes, { personId: user.id });
  const blobs = getBlobStore();
  const stem = `uploads/${user.id}/${newId('img')}`;
  const key = `${stem}.webp`;
  const thumbKey = `${stem}_thumb.webp`;
  await Promise.all([
    blobs.put(key, image.full, 'image/webp'),
    blobs.put(thumbKey, image.thumb, 'image/webp'),
  ]);
  return store.createUpload({
    userId: user.id,
    kind: 'image',
    name: cleanName(file.name),
    contentType: 'image/webp',
    size: image.full.byteLength,
    width: image.width,
    height: image.height,
    key,
    thumbKey,
  });
}

/**
 * An upload is visible to its uploader until a message claims it, then to the members of that
 * message's conversation, until the message is deleted. Everyone else gets 404.
 */
export async function requireUploadAccess(
  store: UploadsPort & MessagesPort & MembershipsPort,
  user: User,
  id: string,
): Promise<Upload> {
  const upload = await store.getUpload({ id });
  if (!upload) throw notFound('That image');
  if (upload.conversationId === null) {
    if (upload.userId !== user.id) throw notFound('That image');
    return upload;
  }
  // A deleted message takes its images with it.
  const message = upload.messageId ? await store.getMessage({ id: upload.messageId }) : null;
  if (message?.deletedAt) throw notFound('That image');
  const membership = await store.getMembership({
    conversationId: upload.conversationId,
    userId: user.id,
  });
  if (!membership) throw notFound('That image');
  return upload;
}
