import { clientIp } from '@/lib/api/rate-limit';
import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { signUp } from '@/lib/auth/server/accounts';
import { signUpEndpoint } from '@/lib/auth/endpoints';
import { startSession } from '@/lib/auth/server/sessions';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/** Creates an account and signs the person in (the session cookie comes with the 201). */
export const POST = handle(signUpEndpoint, async ({ req, body }) => {
  const user = await signUp(body, clientIp(req.headers));
  const cookies = await startSession(user, req.headers);
  return json({ user: toMe(user) }, 201, cookies);
});

export * from '@/lib/openapi/methods-not-taken';
