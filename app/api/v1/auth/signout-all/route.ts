import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { clearSessionCookie } from '@/lib/auth/session';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** Ends every session of the caller, on every device: older session cookies stop working. */
export const POST = authedRoute({}, async ({ user }) => {
  await (await getStore()).bumpSessionVersion({ id: user.id });
  return json({ ok: true }, 200, { 'set-cookie': clearSessionCookie() });
});
