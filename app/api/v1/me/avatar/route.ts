import { authedRoute } from '@/lib/api/authed-route';
import { readMultipartFile } from '@/lib/api/multipart';
import { json } from '@/lib/api/route';
import { AVATAR_MAX_BYTES } from '@/lib/images/avatar';
import { replaceAvatar } from '@/lib/users/profile';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

const rateLimit = {
  name: 'me:avatar',
  rule: { limit: 10, windowMs: 60_000 },
  what: 'avatar changes',
};

/** multipart/form-data with the image in `file`: PNG, JPEG, WebP or GIF, at most 2 MB. */
export const POST = authedRoute({ rateLimit }, async ({ req, user }) => {
  const { bytes } = await readMultipartFile(req, { field: 'file', maxBytes: AVATAR_MAX_BYTES });
  return json({ user: toMe(await replaceAvatar(user, bytes)) });
});

/** Removes the avatar; people see generated initials again. */
export const DELETE = authedRoute({ rateLimit }, async ({ user }) =>
  json({ user: toMe(await replaceAvatar(user, null)) }),
);
