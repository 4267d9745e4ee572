import type { z } from 'zod';

import { INVALID_JSON, type RoomRequest, type RoomResponse } from './host';

/** Room answers use the API's error shape: `{error: {code, message}}`. */
export function ok(body: unknown, status = 200): RoomResponse {
  return { status, body };
}

export function fail(status: number, code: string, message: string): RoomResponse {
  return { status, body: { error: { code, message } } };
}

/** Constant-time comparison so the secret cannot be guessed byte by byte from response times. */
function safeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** Whether an `Authorization` header carries the server secret. */
export function hasServerSecret(authorization: string | null, secret: string): boolean {
  const presented = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
  return presented.length > 0 && secret.length > 0 && safeEqual(presented, secret);
}

/**
 * Every room request needs the server secret. Hosts check it at their edge too (PartyKit's
 * onBeforeRequest), but a room-to-room call skips that edge, so programs check again.
 */
export function requireSecret(request: RoomRequest, secret: string): RoomResponse | null {
  return hasServerSecret(request.authorization, secret)
    ? null
    : fail(401, 'unauthorized', 'server secret required');
}

/** Reads a request body against a schema: 400 for non-JSON, 422 for a wrong shape. */
export function readBody<T>(
  request: RoomRequest,
  schema: z.ZodType<T>,
): { ok: true; data: T } | { ok: false; response: RoomResponse } {
  if (request.body === INVALID_JSON || request.body === undefined)
    return { ok: false, response: fail(400, 'bad_request', 'body is not JSON') };
  const parsed = schema.safeParse(request.body);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'invalid';
    return { ok: false, response: fail(422, 'validation_failed', message) };
  }
  return { ok: true, data: parsed.data };
}
