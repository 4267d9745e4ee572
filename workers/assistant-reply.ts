import { replyToMessage, type ReplySettings } from '@/lib/assistant/server/reply';
import { env } from '@/lib/env';
import type { JobHandler } from '@/lib/jobs/define';

/** The provider and limits from the environment (AI_*). */
export function replySettingsFromEnv(): ReplySettings {
  return {
    provider: env.AI_API_KEY
      ? {
          baseUrl: env.AI_BASE_URL,
          apiKey: env.AI_API_KEY,
          model: env.AI_MODEL,
          timeoutMs: env.AI_TIMEOUT_MS,
        }
      : null,
    contextTokens: env.AI_CONTEXT_TOKENS,
    requestsPerHour: env.AI_REQUESTS_PER_HOUR,
  };
}

/**
 * The assistant answers a message (lib/assistant/server/reply.ts), streaming a draft to the members.
 * Provider failures become an assistant message and the job succeeds; only a crash or the job's
 * own timeout is retried (lib/jobs/catalog.ts).
 */
export const assistantReply: JobHandler<'assistant-reply'> = (payload, { store, signal }) =>
  replyToMessage({ store, ...payload, settings: replySettingsFromEnv(), signal });
