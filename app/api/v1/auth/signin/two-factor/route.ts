import { json, route } from '@/lib/api/route';
import { completeTwoFactorSignIn } from '@/lib/auth/sign-in';
import { startSession } from '@/lib/auth/sessions';
import { twoFactorSignInSchema } from '@/lib/auth/two-factor/schemas';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/** The second step of a two-factor sign-in: the challenge and a code give the session cookie. */
export const POST = route({ body: twoFactorSignInSchema }, async ({ req, body }) => {
  const user = await completeTwoFactorSignIn(body);
  const cookies = await startSession(user, req.headers);
  return json({ user: toMe(user) }, 200, cookies);
});
