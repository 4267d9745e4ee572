import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { createTokenEndpoint, listTokensEndpoint } from '@/lib/auth/endpoints';
import { issueApiToken, presentToken } from '@/lib/auth/server/tokens';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

export const GET = handle(listTokensEndpoint, async ({ user }) => {
  const tokens = await (await getStore()).listApiTokens({ userId: user.id });
  return json({ tokens: tokens.map(presentToken) });
});

/** Creates a named token; the plain token is in this response only. */
export const POST = handle(createTokenEndpoint, async ({ user, body }) => {
  const { token, record } = await issueApiToken({ userId: user.id, name: body.name });
  return json({ token, ...presentToken(record) }, 201);
});

export * from '@/lib/openapi/methods-not-taken';
