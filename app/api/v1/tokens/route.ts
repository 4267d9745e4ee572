import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { tokenNameSchema } from '@/lib/auth/schemas';
import { issueApiToken, presentToken } from '@/lib/auth/tokens';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

export const GET = authedRoute({}, async ({ user }) => {
  const tokens = await (await getStore()).listApiTokens({ userId: user.id });
  return json({ tokens: tokens.map(presentToken) });
});

/** Creates a named token; the plain token is in this response only. */
export const POST = authedRoute(
  {
    body: tokenNameSchema,
    rateLimit: { name: 'tokens:create', rule: { limit: 10, windowMs: 60_000 }, what: 'new tokens' },
  },
  async ({ user, body }) => {
    const { token, record } = await issueApiToken({ userId: user.id, name: body.name });
    return json({ token, ...presentToken(record) }, 201);
  },
);
