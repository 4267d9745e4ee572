import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getMeEndpoint, updateMeEndpoint } from '@/lib/users/endpoints';
import { updateProfile } from '@/lib/users/server/profile';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

export const GET = handle(getMeEndpoint, ({ user }) => json({ user: toMe(user) }));

export const PATCH = handle(updateMeEndpoint, async ({ user, body }) =>
  json({ user: toMe(await updateProfile(user.id, body)) }),
);

export * from '@/lib/openapi/methods-not-taken';
