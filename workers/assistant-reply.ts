import { z } from 'zod';

import { replyToMessage, type ReplySettings } from '@/lib/assistant/reply';
import { env } from '@/lib/env';
import { defineJob } from '@/lib/jobs/define';

export const assistantReplyPayloadSchema = z.object({
  conversationId: z.string().min(1).max(64),
  messageId: z.string().min(1).max(64),
  /** Set when the person was over their hourly limit: the reply says so instead of answering. */
  limited: z.object({ retryAfterSeconds: z.number().int().nonnegative() }).optional(),
});
export type AssistantReplyPayload = z.infer<typeof assistantReplyPayloadSchema>;

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
 * The assistant answers a message (lib/assistant/reply.ts), streaming a draft to the members.
 * Provider failures become an assistant message and the job succeeds; only a crash or the job's
 * own timeout (longer than the provider's, so that one speaks first) is retried.
 */
export const assistantReply = defineJob({
  name: 'assistant-reply',
  payload: assistantReplyPayloadSchema,
  maxAttempts: 3,
  // Room to store and announce what was said after the provider's own timeout; with QStash the
  // whole job fits in the job route's 60 s (lib/env.ts caps AI_TIMEOUT_MS then).
  timeoutMs: env.AI_TIMEOUT_MS + 15_000,
  async run(payload, { store, signal }) {
    await replyToMessage({ store, ...payload, settings: replySettingsFromEnv(), signal });
  },
});
