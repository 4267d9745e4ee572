import { clientIp } from '@/lib/api/rate-limit';
import { json, route } from '@/lib/api/route';
import { verifyCredentials } from '@/lib/auth/accounts';
import { signInSchema } from '@/lib/auth/schemas';
import { mintSessionCookie } from '@/lib/auth/session';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/** Email + password sign-in for the browser: answers with the session cookie. */
export const POST = route({ body: signInSchema }, async ({ req, body }) => {
  const user = await verifyCredentials(body, clientIp(req.headers));
  return json({ user: toMe(user) }, 200, { 'set-cookie': await mintSessionCookie(user) });
});
