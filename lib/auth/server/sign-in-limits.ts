import 'server-only';

import { ApiError } from '@/lib/api/errors';
import { getRateLimiter, type RateRule } from '@/lib/cache/rate-limit';

/**
 * Limits on password (and two-factor code) guesses. Every attempt takes its slots *before* the
 * secret is checked, atomically (one increment per key), so a burst of parallel guesses gets
 * exactly `limit` checks; a right answer gives its slots back.
 *
 * - per account + address: 5 per 15 minutes. Guessing from one place stops quickly.
 * - per account, whatever the address: 10 per 15 minutes, a slow-down that bounds guessing
 *   from many addresses (about 40 an hour). The owner's own devices (a signed cookie from an
 *   earlier sign-in, lib/auth/server/device.ts) skip it, and count per device instead of per address,
 *   so nobody can lock the owner out of a browser they have used.
 * - per address, whatever the account: 30 per 15 minutes (one address spraying many accounts).
 */
const WINDOW = 15 * 60_000;
export const SIGN_IN_PER_ACCOUNT_AND_ADDRESS: RateRule = { limit: 5, windowMs: WINDOW };
export const SIGN_IN_PER_ACCOUNT: RateRule = { limit: 10, windowMs: WINDOW };
export const SIGN_IN_PER_ADDRESS: RateRule = { limit: 30, windowMs: WINDOW };
/** Two-factor codes: 5 wrong codes per account per 15 minutes, like passwords from one place. */
export const CODES_PER_ACCOUNT: RateRule = { limit: 5, windowMs: WINDOW };

type Slot = { key: string; rule: RateRule; what: string };

export type Reservation = {
  /** The guess was right: it does not count against any limit. */
  release(): Promise<void>;
};

/** Takes one slot of each limit, in order; throws 429 at the first one that is full. */
export async function reserve(slots: Slot[]): Promise<Reservation> {
  const limiter = getRateLimiter();
  const taken: Slot[] = [];
  for (const slot of slots) {
    const state = await limiter.consume(slot.key, slot.rule);
    taken.push(slot);
    if (!state.allowed) {
      const wait = state.retryAfterSeconds;
      throw new ApiError(
        'rate_limited',
        `Too many ${slot.what}. Try again in ${wait >= 90 ? `${Math.ceil(wait / 60)} minutes` : `${wait} seconds`}.`,
        { retryAfterSeconds: wait },
      );
    }
  }
  return {
    async release() {
      await Promise.all(taken.map((s) => limiter.release(s.key, s.rule)));
    },
  };
}

/** The slots a password attempt takes; `deviceId` when the browser holds this account's device cookie. */
export function signInSlots(input: { email: string; ip: string; deviceId: string | null }): Slot[] {
  const what = 'sign-in attempts for this account';
  if (input.deviceId) {
    return [
      {
        key: `signin:account-device:${input.email}:${input.deviceId}`,
        rule: SIGN_IN_PER_ACCOUNT_AND_ADDRESS,
        what,
      },
    ];
  }
  return [
    {
      key: `signin:account-address:${input.email}:${input.ip}`,
      rule: SIGN_IN_PER_ACCOUNT_AND_ADDRESS,
      what,
    },
    { key: `signin:account:${input.email}`, rule: SIGN_IN_PER_ACCOUNT, what },
    {
      key: `signin:ip:${input.ip}`,
      rule: SIGN_IN_PER_ADDRESS,
      what: 'sign-in attempts from this network',
    },
  ];
}

export function codeSlots(userId: string): Slot[] {
  return [{ key: `signin:code:${userId}`, rule: CODES_PER_ACCOUNT, what: 'two-factor codes' }];
}
