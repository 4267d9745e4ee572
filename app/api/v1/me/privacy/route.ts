import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { privacySchema } from '@/lib/users/schemas';
import { getPrivacy, setPrivacy } from '@/lib/users/search';

export const runtime = 'nodejs';

/** The caller's privacy settings: whether people may find them by typing their email. */
export const GET = authedRoute({}, async ({ user }) => json(await getPrivacy(user.id)));

export const PATCH = authedRoute(
  {
    body: privacySchema,
    rateLimit: { name: 'me:privacy', rule: { limit: 30, windowMs: 60_000 }, what: 'changes' },
  },
  async ({ user, body }) => json(await setPrivacy(user.id, body)),
);
