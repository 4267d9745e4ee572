import { describe, expect, it } from 'vitest';

import { AiProviderError } from './openai-stream';
import { describeDuration, describeFailure, rateLimited } from './texts';

const where = { timeoutMs: 30_000, host: 'api.groq.com' };

describe('describeFailure', () => {
  it('names the status, the provider’s words and what to check', () => {
    const unauthorized = new AiProviderError('http', 'x', 401, 'invalid API key');
    expect(describeFailure(unauthorized, where)).toBe(
      "I couldn't answer: the AI provider said 401 Unauthorized (invalid API key). Check AI_API_KEY.",
    );
    expect(describeFailure(new AiProviderError('http', 'x', 404, null), where)).toBe(
      "I couldn't answer: the AI provider said 404 Not Found. Check AI_MODEL and AI_BASE_URL.",
    );
    expect(describeFailure(new AiProviderError('http', 'x', 503, 'over capacity'), where)).toBe(
      "I couldn't answer: the AI provider said 503 Service Unavailable (over capacity). Try again in a moment.",
    );
  });

  it('says how long it waited on a timeout', () => {
    expect(describeFailure(new AiProviderError('timeout', 'x'), where)).toBe(
      "I couldn't answer: the AI provider didn't respond within 30 seconds. Try again in a moment.",
    );
  });

  it('names the host it could not reach', () => {
    expect(describeFailure(new AiProviderError('network', 'ENOTFOUND'), where)).toBe(
      "I couldn't answer: the AI provider at api.groq.com could not be reached (ENOTFOUND). Check AI_BASE_URL.",
    );
  });

  it('keeps server faults vague: they are in the log, not for the conversation', () => {
    expect(describeFailure(new Error('SQLITE_BUSY'), where)).not.toContain('SQLITE');
  });
});

describe('rateLimited', () => {
  it('rounds the wait up to whole minutes, at least one', () => {
    expect(rateLimited({ perHour: 30, retryAfterSeconds: 61 })).toBe(
      "You've reached 30 requests per hour to Parley AI. Try again in 2 minutes.",
    );
    expect(rateLimited({ perHour: 5, retryAfterSeconds: 1 })).toMatch(/in 1 minute\.$/);
  });
});

describe('describeDuration', () => {
  it('reads naturally', () => {
    expect(describeDuration(30_000)).toBe('30 seconds');
    expect(describeDuration(1_000)).toBe('1 second');
    expect(describeDuration(250)).toBe('250 milliseconds');
  });
});
