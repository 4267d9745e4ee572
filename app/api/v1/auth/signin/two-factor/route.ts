import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { signInTwoFactorEndpoint } from '@/lib/auth/endpoints';
import { startSession } from '@/lib/auth/server/sessions';
import { completeTwoFactorSignIn } from '@/lib/auth/server/sign-in';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/** The second step of a two-factor sign-in: the challenge and a code give the session cookie. */
export const POST = handle(signInTwoFactorEndpoint, async ({ req, body }) => {
  const user = await completeTwoFactorSignIn(body);
  const cookies = await startSession(user, req.headers);
  return json({ user: toMe(user) }, 200, cookies);
});

export * from '@/lib/openapi/methods-not-taken';
