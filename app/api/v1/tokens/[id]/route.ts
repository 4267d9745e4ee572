import { authedRoute } from '@/lib/api/authed-route';
import { notFound } from '@/lib/api/errors';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';
import { userIdParamsSchema as tokenIdParamsSchema } from '@/lib/users/schemas';

export const runtime = 'nodejs';

export const DELETE = authedRoute({ params: tokenIdParamsSchema }, async ({ user, params }) => {
  const revoked = await (await getStore()).revokeApiToken({ userId: user.id, id: params.id });
  if (!revoked) throw notFound('That token');
  return json({ ok: true });
});
