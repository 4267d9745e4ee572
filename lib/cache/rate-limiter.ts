/**
 * Rate limits as fixed windows: at most `limit` hits per `windowMs` for one key. The embedded
 * adapter keeps counters in process memory (one Next.js server); a shared adapter (Upstash) plugs
 * in behind the same interface for serverless deployments.
 */
export type RateRule = { limit: number; windowMs: number };
export type RateState = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one hit and says whether it was within the limit. */
  consume(key: string, rule: RateRule): Promise<RateState>;
  /** Says whether the next hit would be allowed, without counting one. */
  peek(key: string, rule: RateRule): Promise<RateState>;
  reset(key: string): Promise<void>;
}
