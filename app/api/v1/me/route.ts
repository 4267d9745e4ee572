import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { updateMeSchema } from '@/lib/auth/schemas';
import { updateProfile } from '@/lib/users/profile';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

export const GET = authedRoute({}, ({ user }) => json({ user: toMe(user) }));

export const PATCH = authedRoute(
  {
    body: updateMeSchema,
    rateLimit: {
      name: 'me:update',
      rule: { limit: 30, windowMs: 60_000 },
      what: 'profile changes',
    },
  },
  async ({ user, body }) => json({ user: toMe(await updateProfile(user.id, body)) }),
);
