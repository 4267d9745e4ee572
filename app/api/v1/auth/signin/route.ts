import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { signInEndpoint } from '@/lib/auth/endpoints';
import { startSession } from '@/lib/auth/server/sessions';
import { signInWithPassword } from '@/lib/auth/server/sign-in';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/**
 * Email + password sign-in for the browser: answers with the session cookie, or, when two-factor
 * is on, with a challenge for POST /auth/signin/two-factor (and no session yet).
 */
export const POST = handle(signInEndpoint, async ({ req, body }) => {
  const outcome = await signInWithPassword(body, req.headers);
  if (outcome.kind === 'two-factor')
    return json({ twoFactorRequired: true, challenge: outcome.challenge });
  const cookies = await startSession(outcome.user, req.headers);
  return json({ user: toMe(outcome.user) }, 200, cookies);
});

export * from '@/lib/openapi/methods-not-taken';
