import { Receiver } from '@upstash/qstash';
import type { z } from 'zod';

import { bearerMatches } from '@/lib/api/bearer';
import { MAX_JSON_BYTES, readLimited } from '@/lib/api/body';
import { ApiError } from '@/lib/api/errors';
import { route, type RouteContext } from '@/lib/api/route';
import { parseWith } from '@/lib/api/validate';
import { env } from '@/lib/env';

/** Who called a job route: QStash (signed delivery) or a holder of JOBS_SECRET. */
export type JobCaller = 'qstash' | 'secret';

export type SigningKeys = { current: string | undefined; next: string | undefined };

const envSigningKeys = (): SigningKeys => ({
  current: env.QSTASH_CURRENT_SIGNING_KEY,
  next: env.QSTASH_NEXT_SIGNING_KEY,
});

/** `Authorization: Bearer <JOBS_SECRET>`, compared in constant time. False when no secret is set. */
export function hasJobsSecret(headers: Headers, secret = env.JOBS_SECRET): boolean {
  return bearerMatches(headers, secret);
}

/**
 * A QStash delivery's `Upstash-Signature`: a JWT signed with the current or the next signing key
 * (keys rotate), issued by Upstash, whose subject is the URL we published to and whose `body`
 * claim is the SHA-256 of the raw body. `destination` is that URL, rebuilt from NEXTAUTH_URL:
 * req.url differs behind proxies and rewrites.
 */
export async function verifyQStashSignature({
  signature,
  rawBody,
  destination,
  keys = envSigningKeys(),
}: {
  signature: string;
  rawBody: string;
  destination: string;
  keys?: SigningKeys;
}): Promise<boolean> {
  if (!keys.current) return false;
  // The Receiver wants both keys; before a first rotation there may be only one.
  const receiver = new Receiver({
    currentSigningKey: keys.current,
    nextSigningKey: keys.next ?? keys.current,
    devMode: false,
  });
  try {
    return await receiver.verify({ signature, body: rawBody, url: destination, clockTolerance: 5 });
  } catch {
    return false;
  }
}

/** QStash's signature when it sent one and it holds, else the jobs secret, else null. */
export async function verifyJobCaller({
  headers,
  rawBody,
  destination,
  keys,
  secret,
}: {
  headers: Headers;
  rawBody: string;
  destination: string | null;
  keys?: SigningKeys;
  secret?: string;
}): Promise<JobCaller | null> {
  const signature = headers.get('upstash-signature');
  if (
    signature &&
    destination &&
    (await verifyQStashSignature({ signature, rawBody, destination, keys }))
  )
    return 'qstash';
  return hasJobsSecret(headers, secret) ? 'secret' : null;
}

export const jobsUnauthorized = () =>
  new ApiError(
    'unauthorized',
    'Job routes need a valid QStash signature or "Authorization: Bearer <JOBS_SECRET>".',
  );

type Schema = z.ZodType;

/**
 * `route()` for job deliveries: reads the raw body (the signature covers its exact bytes),
 * verifies the caller (401 otherwise) before anything else looks at the body, then parses it as
 * JSON (400) and validates it with `body` (422). The handler learns who called.
 */
export function withJobSignature<B extends Schema, P extends Schema>(
  opts: { params: P; body: B; destination: (params: z.infer<P>) => string | null },
  handler: (
    ctx: RouteContext<B, undefined, P> & { caller: JobCaller },
  ) => Promise<Response> | Response,
) {
  return route<undefined, undefined, P>({ params: opts.params }, async (ctx) => {
    const rawBody = new TextDecoder().decode(await readLimited(ctx.req, MAX_JSON_BYTES));
    const caller = await verifyJobCaller({
      headers: ctx.req.headers,
      rawBody,
      destination: opts.destination(ctx.params as z.infer<P>),
    });
    if (!caller) throw jobsUnauthorized();
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new ApiError('bad_request', 'The request body is not valid JSON.');
    }
    const body = parseWith(opts.body, json, 'body');
    return handler({ ...ctx, body, caller } as RouteContext<B, undefined, P> & {
      caller: JobCaller;
    });
  });
}
