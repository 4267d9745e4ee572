import { handle } from '@/lib/api/handle';
import { notFound } from '@/lib/api/errors';
import { json } from '@/lib/api/route';
import { revokeTokenEndpoint } from '@/lib/auth/endpoints';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

export const DELETE = handle(revokeTokenEndpoint, async ({ user, params }) => {
  const revoked = await (await getStore()).revokeApiToken({ userId: user.id, id: params.id });
  if (!revoked) throw notFound('That token');
  return json({ ok: true });
});

export * from '@/lib/openapi/methods-not-taken';
