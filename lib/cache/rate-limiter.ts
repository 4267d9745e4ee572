/**
 * Rate limits as fixed windows: at most `limit` hits per `windowMs` for one key. The embedded
 * adapter keeps counters in process memory (one Next.js server); a shared adapter (Upstash) plugs
 * in behind the same interface for serverless deployments.
 */
export type RateRule = { limit: number; windowMs: number };
export type RateState = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export interface RateLimiter {
  /**
   * Counts `hits` (default 1) and says whether the count is within the limit. More than one when
   * hits a process allowed on its own are handed to the shared count at once (local-share.ts).
   */
  consume(key: string, rule: RateRule, hits?: number): Promise<RateState>;
  /** Says whether the next hit would be allowed, without counting one. */
  peek(key: string, rule: RateRule): Promise<RateState>;
  /**
   * Gives back one hit counted by `consume` (never below zero): callers that reserve a slot
   * before doing the work (sign-in counts the attempt before checking the password) return it
   * when the work turned out not to count.
   */
  release(key: string, rule: RateRule): Promise<void>;
  reset(key: string): Promise<void>;
}
