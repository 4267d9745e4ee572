import { authedRoute } from '@/lib/api/authed-route';
import { notFound } from '@/lib/api/errors';
import { idParamsSchema } from '@/lib/api/params';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

export const DELETE = authedRoute({ params: idParamsSchema }, async ({ user, params }) => {
  const revoked = await (await getStore()).revokeApiToken({ userId: user.id, id: params.id });
  if (!revoked) throw notFound('That token');
  return json({ ok: true });
});
