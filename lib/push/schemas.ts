import { z } from 'zod';

/**
 * The push subscription routes' bodies and answers. The body is what the browser's
 * `PushSubscription.toJSON()` gives: `{endpoint, expirationTime, keys: {p256dh, auth}}`.
 */

/** base64url of exactly `bytes` bytes, as browsers encode keys (padding tolerated, then dropped). */
const base64urlKey = (bytes: number, what: string) =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(/=+$/, ''))
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/, `${what} must be base64url`)
        .length(Math.ceil((bytes * 4) / 3), `${what} must encode ${bytes} bytes`),
    );

/**
 * The server POSTs to this URL, so it is held to what real push services look like: https on a
 * public host name. IP literals and local names are refused so a subscription cannot aim our
 * requests at the internal network.
 */
export const pushEndpointSchema = z
  .url({ protocol: /^https$/, error: 'The endpoint must be an https URL.' })
  .max(2048)
  .refine((value) => {
    // zod runs refinements even when the url check above failed: that one already reported it,
    // and `new URL` on a non-URL would throw (a 500).
    if (!URL.canParse(value)) return true;
    const host = new URL(value).hostname.toLowerCase();
    return (
      host.includes('.') &&
      !/^[\d.]+$/.test(host) &&
      !host.startsWith('[') &&
      !/(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/.test(host)
    );
  }, 'The endpoint must be on a public push service host.');

export const pushSubscriptionBodySchema = z.object({
  endpoint: pushEndpointSchema,
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    // An uncompressed P-256 point: 65 bytes starting 0x04, so its base64url starts with "B".
    p256dh: base64urlKey(65, 'keys.p256dh').refine(
      (v) => v.startsWith('B'),
      'keys.p256dh must be an uncompressed P-256 public key',
    ),
    auth: base64urlKey(16, 'keys.auth'),
  }),
});
export type PushSubscriptionBody = z.input<typeof pushSubscriptionBodySchema>;

export const pushUnsubscribeBodySchema = z.object({ endpoint: z.string().min(1).max(2048) });

export const pushSubscriptionWireSchema = z.object({
  id: z.string(),
  endpoint: z.string(),
  createdAt: z.iso.datetime(),
});
export type PushSubscriptionWire = z.infer<typeof pushSubscriptionWireSchema>;

export const pushSubscriptionsResponseSchema = z.object({
  subscriptions: z.array(pushSubscriptionWireSchema),
});
export const pushPublicKeyResponseSchema = z.object({ publicKey: z.string() });

export function presentPushSubscription(record: {
  id: string;
  endpoint: string;
  createdAt: Date;
}): PushSubscriptionWire {
  return { id: record.id, endpoint: record.endpoint, createdAt: record.createdAt.toISOString() };
}
