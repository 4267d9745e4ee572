import { notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { revokeSessionEndpoint } from '@/lib/auth/security-endpoints';
import { revokeSession } from '@/lib/auth/server/sessions';

export const runtime = 'nodejs';

/** Signs one of the caller's browsers out: its cookie stops working within seconds. */
export const DELETE = handle(revokeSessionEndpoint, async ({ user, params }) => {
  if (!(await revokeSession(user.id, params.id))) throw notFound('That session');
  return json({ ok: true });
});

export * from '@/lib/openapi/methods-not-taken';
