import { handle } from '@/lib/api/handle';
import { notFound } from '@/lib/api/errors';
import { getBlobStore } from '@/lib/blob';
import { getStore } from '@/lib/db';
import { getUserAvatarEndpoint } from '@/lib/users/endpoints';

export const runtime = 'nodejs';

/**
 * Serves a person's avatar to signed-in people. URLs carry the version (`?v=`), so a response
 * may be cached for a year: a new avatar has a new URL.
 */
export const GET = handle(getUserAvatarEndpoint, async ({ params }) => {
  const person = await (await getStore()).getUserById({ id: params.id });
  if (!person?.avatarKey) throw notFound('That avatar');
  const blob = await getBlobStore().get(person.avatarKey);
  if (!blob) throw notFound('That avatar');
  return new Response(blob.data as BodyInit, {
    headers: {
      'content-type': blob.contentType,
      'cache-control': 'private, max-age=31536000, immutable',
      etag: `"${person.avatarKey.split('/').pop()}"`,
      'x-content-type-options': 'nosniff',
    },
  });
});

export * from '@/lib/openapi/methods-not-taken';
