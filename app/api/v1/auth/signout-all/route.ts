import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { signOutAllEndpoint } from '@/lib/auth/endpoints';
import { clearSessionCookie } from '@/lib/auth/server/session';
import { revokeAllSessions } from '@/lib/auth/server/sessions';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/**
 * Ends every session of the caller, on every device: older session cookies stop working, and no
 * device gets their pushes any more (a browser left signed in elsewhere must go quiet too).
 */
export const POST = handle(signOutAllEndpoint, async ({ user }) => {
  const store = await getStore();
  await store.bumpSessionVersion({ id: user.id });
  await revokeAllSessions(user.id);
  const subscriptions = await store.listPushSubscriptions({ userId: user.id });
  await Promise.all(
    subscriptions.map((s) =>
      store.deletePushSubscription({ endpoint: s.endpoint, userId: user.id }),
    ),
  );
  return json({ ok: true }, 200, { 'set-cookie': clearSessionCookie() });
});

export * from '@/lib/openapi/methods-not-taken';
