import { NextRequest } from 'next/server';
import { z } from 'zod';

import { readLimited } from './body';
import { ApiError } from './errors';
import { route } from './route';

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };
type Handler = (req: NextRequest, ctx: NextContext) => Promise<Response>;

/** NextAuth's own forms post a few short string fields (csrfToken, callbackUrl, json, ...). */
const MAX_BODY_BYTES = 16 * 1024;
const fieldsSchema = z.record(z.string(), z.string().max(4096));
/**
 * NextAuth copies callbackUrl into a cookie, and a cookie value refuses control characters and
 * anything outside ASCII: `%0a` or `%E3%80%82` made it throw (a 500). Printable ASCII only.
 */
const callbackUrlSchema = z.string().regex(/^[\x21-\x7e]*$/, 'callbackUrl must be a plain URL');

/**
 * Wraps NextAuth's route handler (next-auth v4 reads the body with `req.json()` and throws on bad
 * input): the body must be a JSON object or form of string fields, and callbackUrl plain ASCII,
 * else a JSON 400 in the API's error shape. `route()` gives the request id and turns anything
 * NextAuth still throws into the API's JSON 500 instead of Next.js's plain-text one.
 */
export function guardNextAuth(handler: Handler) {
  return (req: NextRequest, ctx: NextContext): Promise<Response> =>
    route({}, async () => {
      const body = req.method === 'POST' ? await readFields(req) : null;
      checkCallbackUrl(req.nextUrl.searchParams.get('callbackUrl'));
      checkCallbackUrl(body?.fields?.callbackUrl);
      const replay = body
        ? new NextRequest(req.url, { method: req.method, headers: req.headers, body: body.raw })
        : req;
      return handler(replay, ctx);
    })(req, ctx);
}

/** The POST body's fields (JSON or form), and its bytes to hand on to NextAuth unchanged. */
async function readFields(
  req: NextRequest,
): Promise<{ fields: Record<string, string> | null; raw: Uint8Array<ArrayBuffer> }> {
  const type = req.headers.get('content-type') ?? '';
  const raw = new Uint8Array(await readLimited(req, MAX_BODY_BYTES));
  const text = new TextDecoder().decode(raw);
  let value: unknown;
  if (/application\/json/i.test(type)) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError('bad_request', 'The request body is not valid JSON.');
    }
  } else if (/application\/x-www-form-urlencoded/i.test(type)) {
    value = Object.fromEntries(new URLSearchParams(text));
  } else {
    return { fields: null, raw }; // NextAuth reads no other kind of body
  }
  const fields = fieldsSchema.safeParse(value);
  if (!fields.success)
    throw new ApiError('bad_request', 'Send the sign-in fields as an object of strings.');
  return { fields: fields.data, raw };
}

function checkCallbackUrl(value: string | null | undefined): void {
  if (value == null) return;
  if (!callbackUrlSchema.safeParse(value).success)
    throw new ApiError('bad_request', 'callbackUrl must be a plain URL (printable ASCII only).');
}
