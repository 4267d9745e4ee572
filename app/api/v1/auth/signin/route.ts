import { clientIp } from '@/lib/api/rate-limit';
import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { verifyCredentials } from '@/lib/auth/accounts';
import { signInEndpoint } from '@/lib/auth/endpoints';
import { mintSessionCookie } from '@/lib/auth/session';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/** Email + password sign-in for the browser: answers with the session cookie. */
export const POST = handle(signInEndpoint, async ({ req, body }) => {
  const user = await verifyCredentials(body, clientIp(req.headers));
  return json({ user: toMe(user) }, 200, { 'set-cookie': await mintSessionCookie(user) });
});
