import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { listSessionsEndpoint } from '@/lib/auth/security-endpoints';
import { currentSessionId, listSessions, presentSession } from '@/lib/auth/server/sessions';

export const runtime = 'nodejs';

/** The caller's signed-in browsers, most recently seen first; `current` marks this one. */
export const GET = handle(listSessionsEndpoint, async ({ req, user }) => {
  const current = await currentSessionId(req.headers);
  const sessions = await listSessions(user.id);
  return json({ sessions: sessions.map((s) => presentSession(s, current)) });
});

export * from '@/lib/openapi/methods-not-taken';
