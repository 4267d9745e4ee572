import 'server-only';

import { env } from '@/lib/env';

import { splitUrls, type IceConfig } from '../ice-servers';

/** The ICE servers configuration from the environment (see .env.example, "Calls"). */
export function iceConfigFromEnv(): IceConfig {
  return {
    stunUrls: splitUrls(env.ICE_STUN_URLS),
    turnUrls: splitUrls(env.TURN_URLS),
    turnSecret: env.TURN_SECRET,
    turnUsername: env.TURN_USERNAME,
    turnCredential: env.TURN_CREDENTIAL,
    turnTtlSeconds: env.TURN_TTL_SECONDS,
  };
}

/** How long an unanswered call rings (CALL_RING_TIMEOUT_MS, 30 s by default). */
export const ringTimeoutMs = (): number => env.CALL_RING_TIMEOUT_MS;
