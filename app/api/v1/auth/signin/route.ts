import { json, route } from '@/lib/api/route';
import { signInSchema } from '@/lib/auth/schemas';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { startSession } from '@/lib/auth/sessions';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/**
 * Email + password sign-in for the browser: answers with the session cookie, or, when two-factor
 * is on, with a challenge for POST /auth/signin/two-factor (and no session yet).
 */
export const POST = route({ body: signInSchema }, async ({ req, body }) => {
  const outcome = await signInWithPassword(body, req.headers);
  if (outcome.kind === 'two-factor')
    return json({ twoFactorRequired: true, challenge: outcome.challenge });
  const cookies = await startSession(outcome.user, req.headers);
  return json({ user: toMe(outcome.user) }, 200, cookies);
});
