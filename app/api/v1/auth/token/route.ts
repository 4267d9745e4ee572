import { clientIp } from '@/lib/api/rate-limit';
import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { verifyCredentials } from '@/lib/auth/accounts';
import { issueApiToken } from '@/lib/auth/tokens';
import { createSignInTokenEndpoint } from '@/lib/auth/endpoints';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/** Exchanges email + password for a personal API token (for scripts); limited like sign-in. */
export const POST = handle(createSignInTokenEndpoint, async ({ req, body }) => {
  const user = await verifyCredentials(body, clientIp(req.headers));
  const { token } = await issueApiToken({
    userId: user.id,
    name: `Signed in ${new Date().toISOString().slice(0, 10)}`,
  });
  return json({ token, user: toMe(user) }, 201);
});
