import { z } from 'zod';

/**
 * A token bucket, as plain data so a hibernating room can keep it in connection state: up to
 * `capacity` frames at once, refilled at `perSecond`. Pure: the caller passes the time.
 */
export const bucketSchema = z.object({ tokens: z.number(), at: z.number() });
export type Bucket = z.infer<typeof bucketSchema>;
export type BucketRule = { capacity: number; perSecond: number };

export const fullBucket = (rule: BucketRule, now: number): Bucket => ({
  tokens: rule.capacity,
  at: now,
});

/** Takes one token if there is one; always returns the bucket as it is now. */
export function takeToken(
  bucket: Bucket,
  rule: BucketRule,
  now: number,
): { ok: boolean; bucket: Bucket } {
  const elapsed = Math.max(0, now - bucket.at) / 1000;
  const tokens = Math.min(rule.capacity, bucket.tokens + elapsed * rule.perSecond);
  if (tokens < 1) return { ok: false, bucket: { tokens, at: now } };
  return { ok: true, bucket: { tokens: tokens - 1, at: now } };
}

/**
 * Signalling: an offer or answer and a few dozen ICE candidates per peer when a call starts or
 * renegotiates (a screen share, an ICE restart), to up to three peers at once.
 */
export const SIGNAL_RULE: BucketRule = { capacity: 200, perSecond: 50 };
/** Media state: mute, camera, screen share and a speaking flag that can flip a few times a second. */
export const MEDIA_RULE: BucketRule = { capacity: 20, perSecond: 5 };
