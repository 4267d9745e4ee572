import { getRateLimiter, type RateRule } from '@/lib/cache/rate-limit';
import { rateLimitRejections } from '@/lib/metrics/metrics';

import { clientAddress } from './client-address';
import { ApiError } from './errors';

/** The caller's address for per-address limits: see clientAddress for what is believed. */
export const clientIp = (headers: Headers): string => clientAddress(headers);

/** Counts a hit against `key` and throws 429 with Retry-After past the limit. */
export async function enforceRateLimit(
  key: string,
  rule: RateRule,
  what = 'requests',
): Promise<void> {
  const state = await getRateLimiter().consume(key, rule);
  if (!state.allowed) throw tooMany(key, what, state.retryAfterSeconds);
}

/** Throws 429 if `key` is already at its limit, without counting (for failure-only limits). */
export async function assertUnderRateLimit(
  key: string,
  rule: RateRule,
  what: string,
): Promise<void> {
  const state = await getRateLimiter().peek(key, rule);
  if (!state.allowed) throw tooMany(key, what, state.retryAfterSeconds);
}

/** The rule in a key (`messages:send:u_1` → `messages`): a label that never carries an id. */
function ruleOf(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? key : key.slice(0, colon);
}

function tooMany(key: string, what: string, seconds: number) {
  rateLimitRejections.inc({ rule: ruleOf(key) });
  const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new ApiError('rate_limited', `Too many ${what}. Try again in ${wait}.`, {
    retryAfterSeconds: seconds,
  });
}
