import { handle } from '@/lib/api/handle';
import { readMultipartFile } from '@/lib/api/multipart';
import { json } from '@/lib/api/route';
import { deleteAvatarEndpoint, uploadAvatarEndpoint } from '@/lib/users/endpoints';
import { AVATAR_MAX_BYTES } from '@/lib/images/server/avatar';
import { replaceAvatar } from '@/lib/users/server/profile';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/** multipart/form-data with the image in `file`: PNG, JPEG, WebP or GIF, at most 2 MB. */
export const POST = handle(uploadAvatarEndpoint, async ({ req, user }) => {
  const { bytes } = await readMultipartFile(req, { field: 'file', maxBytes: AVATAR_MAX_BYTES });
  return json({ user: toMe(await replaceAvatar(user, bytes)) });
});

/** Removes the avatar; people see generated initials again. */
export const DELETE = handle(deleteAvatarEndpoint, async ({ user }) =>
  json({ user: toMe(await replaceAvatar(user, null)) }),
);

export * from '@/lib/openapi/methods-not-taken';
