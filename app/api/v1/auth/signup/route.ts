import { clientIp } from '@/lib/api/rate-limit';
import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { signUp } from '@/lib/auth/accounts';
import { signUpEndpoint } from '@/lib/auth/endpoints';
import { mintSessionCookie } from '@/lib/auth/session';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/** Creates an account and signs the person in (the session cookie comes with the 201). */
export const POST = handle(signUpEndpoint, async ({ req, body }) => {
  const user = await signUp(body, clientIp(req.headers));
  return json({ user: toMe(user) }, 201, { 'set-cookie': await mintSessionCookie(user) });
});
