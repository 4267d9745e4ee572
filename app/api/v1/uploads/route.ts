import { handle } from '@/lib/api/handle';
import { readMultipartFile } from '@/lib/api/multipart';
import { json } from '@/lib/api/route';
import { createUploadEndpoint } from '@/lib/chat/message-endpoints';
import { toAttachmentWire } from '@/lib/chat/present';
import { createImageUpload } from '@/lib/chat/server/uploads';
import { getStore } from '@/lib/db';
import { ATTACHMENT_MAX_BYTES } from '@/lib/images/server/attachment';

export const runtime = 'nodejs';

/**
 * multipart/form-data with an image in `file` (PNG, JPEG, WebP or GIF; at most 10 MB). Answers
 * 201 with the upload; send its id in a message's attachmentIds.
 */
export const POST = handle(createUploadEndpoint, async ({ req, user }) => {
  const file = await readMultipartFile(req, { field: 'file', maxBytes: ATTACHMENT_MAX_BYTES });
  const upload = await createImageUpload(await getStore(), user, file);
  return json({ upload: toAttachmentWire(upload) }, 201);
});

export * from '@/lib/openapi/methods-not-taken';
