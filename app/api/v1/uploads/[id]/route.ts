import { handle } from '@/lib/api/handle';
import { notFound } from '@/lib/api/errors';
import { getBlobStore } from '@/lib/blob';
import { getUploadEndpoint } from '@/lib/chat/message-endpoints';
import { requireUploadAccess } from '@/lib/chat/server/uploads';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** An attached image (or `?size=thumb`), for members of its conversation only. */
export const GET = handle(getUploadEndpoint, async ({ user, params, query }) => {
  const upload = await requireUploadAccess(await getStore(), user, params.id);
  const blob = await getBlobStore().get(query.size === 'thumb' ? upload.thumbKey : upload.key);
  if (!blob) throw notFound('That image');
  return new Response(blob.data as BodyInit, {
    headers: {
      'content-type': blob.contentType,
      // Upload ids are never reused and images never change: cache privately for a year.
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
    },
  });
});

export * from '@/lib/openapi/methods-not-taken';
