import { z } from 'zod';

import { authedRoute } from '@/lib/api/authed-route';
import { notFound } from '@/lib/api/errors';
import { json } from '@/lib/api/route';
import { revokeSession } from '@/lib/auth/sessions';

export const runtime = 'nodejs';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** Signs one of the caller's browsers out: its cookie stops working within seconds. */
export const DELETE = authedRoute({ params: paramsSchema }, async ({ user, params }) => {
  if (!(await revokeSession(user.id, params.id))) throw notFound('That session');
  return json({ ok: true });
});
