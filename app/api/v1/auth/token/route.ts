import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { createSignInTokenEndpoint } from '@/lib/auth/endpoints';
import { verifyPasswordAndCode } from '@/lib/auth/server/sign-in';
import { issueApiToken } from '@/lib/auth/server/tokens';
import { toMe } from '@/lib/users/present';

export const runtime = 'nodejs';

/**
 * Exchanges email + password (+ a two-factor code when it is on) for a personal API token, for
 * scripts; limited like sign-in.
 */
export const POST = handle(createSignInTokenEndpoint, async ({ req, body }) => {
  const user = await verifyPasswordAndCode(body, req.headers);
  const { token } = await issueApiToken({
    userId: user.id,
    name: `Signed in ${new Date().toISOString().slice(0, 10)}`,
  });
  return json({ token, user: toMe(user) }, 201);
});

export * from '@/lib/openapi/methods-not-taken';
