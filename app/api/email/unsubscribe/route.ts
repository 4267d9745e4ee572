import { z } from 'zod';

import { readJsonBody, readLimited } from '@/lib/api/body';
import { ApiError } from '@/lib/api/errors';
import { bindEndpoint } from '@/lib/api/handle-public';
import { clientIp, enforceRateLimit } from '@/lib/api/rate-limit';
import { json, route } from '@/lib/api/route';
import { parseWith } from '@/lib/api/validate';
import { getStore } from '@/lib/db';
import { unsubscribeBodySchema, unsubscribeEndpoint } from '@/lib/email/endpoints';
import { UNSUBSCRIBED_MESSAGE, unsubscribeFromDigests } from '@/lib/email/server/unsubscribe';

export const runtime = 'nodejs';

const MAX_BODY_BYTES = 8 * 1024;
const tokenQuerySchema = z.object({ token: z.string().max(4096).optional() });

/**
 * Turns email digests off, without signing in: the token in the link is the authority.
 * - The /unsubscribe page POSTs JSON `{token}`.
 * - Mail clients POST the List-Unsubscribe URL (`?token=`) with the form body
 *   `List-Unsubscribe=One-Click` (RFC 8058), urlencoded or multipart.
 * It reads its body itself (JSON or a form), so only its answers are held to the descriptor.
 */
export const POST = bindEndpoint(
  unsubscribeEndpoint,
  route({ query: tokenQuerySchema }, async ({ req, query }) => {
    await enforceRateLimit(
      `email-unsubscribe:${clientIp(req.headers)}`,
      { limit: 30, windowMs: 60_000 },
      'unsubscribe requests',
    );
    const token = await tokenFrom(req, query.token);
    await unsubscribeFromDigests({ store: await getStore(), token });
    return json({ ok: true, message: UNSUBSCRIBED_MESSAGE });
  }),
);

/** Someone (or an old client) opened the List-Unsubscribe URL: show the page, change nothing. */
export const GET = route({ query: tokenQuerySchema }, async ({ req, query }) => {
  const page = new URL('/unsubscribe', req.url);
  if (query.token) page.searchParams.set('token', query.token);
  return new Response(null, { status: 303, headers: { location: page.href } });
});

async function tokenFrom(req: Request, queryToken: string | undefined): Promise<string> {
  const header = req.headers.get('content-type') ?? '';
  const type = header.toLowerCase();
  if (/^application\/([a-z.+-]*\+)?json\b/.test(type)) {
    return parseWith(unsubscribeBodySchema, await readJsonBody(req, MAX_BODY_BYTES), 'body').token;
  }
  let form: URLSearchParams | FormData;
  if (type.startsWith('application/x-www-form-urlencoded')) {
    form = new URLSearchParams(new TextDecoder().decode(await readLimited(req, MAX_BODY_BYTES)));
  } else if (type.startsWith('multipart/form-data')) {
    const bytes = await readLimited(req, MAX_BODY_BYTES);
    // The original header: the boundary is case-sensitive.
    form = await new Response(bytes as BodyInit, { headers: { 'content-type': header } })
      .formData()
      .catch(() => {
        throw new ApiError('bad_request', 'The form body could not be read.');
      });
  } else {
    throw new ApiError(
      'unsupported_media_type',
      'Send {"token"} as JSON, or List-Unsubscribe=One-Click as a form (RFC 8058).',
    );
  }
  if (form.get('List-Unsubscribe') !== 'One-Click')
    throw new ApiError(
      'bad_request',
      'A one-click unsubscribe must send List-Unsubscribe=One-Click.',
    );
  if (!queryToken) throw new ApiError('bad_request', 'The unsubscribe link has no token.');
  return queryToken;
}
