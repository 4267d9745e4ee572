import 'server-only';

import { STATUS_CODES } from 'node:http';

import { ASSISTANT_NAME } from '../identity';
import { AiProviderError } from './openai-stream';

/**
 * What the assistant says when it cannot answer. Each is a stored message in the conversation,
 * so nobody is left waiting on a reply that will never come.
 */

export const NOT_CONFIGURED =
  'No AI provider is configured on this server. An admin can set AI_API_KEY (and optionally ' +
  "AI_BASE_URL and AI_MODEL) in the server's environment and restart it.";

export const NO_ANSWER = 'I have no answer to that.';

/**
 * The AI breaker is open (lib/resilience/breakers.ts): answered at once instead of waiting on a
 * provider that failed several times in a row.
 */
export function providerUnavailable(retryAt: Date | null): string {
  const when = retryAt
    ? ` I'll try it again after ${retryAt.toISOString().slice(11, 16)} UTC.`
    : '';
  return `I couldn't answer: the AI provider is unavailable (it failed several times in a row).${when}`;
}

/** "30 seconds", "1 second", "300 milliseconds". */
export function describeDuration(ms: number): string {
  if (ms < 1000) return `${ms} milliseconds`;
  const seconds = Math.round(ms / 1000);
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

export function rateLimited(input: { perHour: number; retryAfterSeconds: number }): string {
  const minutes = Math.max(1, Math.ceil(input.retryAfterSeconds / 60));
  return (
    `You've reached ${input.perHour} requests per hour to ${ASSISTANT_NAME}. ` +
    `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  );
}

function httpHint(status: number): string {
  if (status === 401 || status === 403) return ' Check AI_API_KEY.';
  if (status === 404) return ' Check AI_MODEL and AI_BASE_URL.';
  if (status === 429 || status >= 500) return ' Try again in a moment.';
  return '';
}

/** What went wrong, in a sentence that ends "I couldn't answer: …". */
export function describeFailure(
  error: unknown,
  input: { timeoutMs: number; host: string },
): string {
  if (!(error instanceof AiProviderError)) {
    return "I couldn't answer: something went wrong on the server. Try again in a moment.";
  }
  switch (error.reason) {
    case 'timeout':
      return `I couldn't answer: the AI provider didn't respond within ${describeDuration(input.timeoutMs)}. Try again in a moment.`;
    case 'http': {
      const status = error.status ?? 0;
      const said = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
      const detail = error.providerMessage ? ` (${error.providerMessage})` : '';
      return `I couldn't answer: the AI provider said ${said}${detail}.${httpHint(status)}`;
    }
    case 'network':
      return `I couldn't answer: the AI provider at ${input.host} could not be reached (${error.message}). Check AI_BASE_URL.`;
    case 'stream':
      return `I couldn't answer: the AI provider's reply broke off (${error.providerMessage ?? error.message}). Try again in a moment.`;
  }
}

/** Appended to a reply the provider started but did not finish. */
export function cutOff(error: unknown, input: { timeoutMs: number }): string {
  const why =
    error instanceof AiProviderError && error.reason === 'timeout'
      ? `the AI provider didn't finish within ${describeDuration(input.timeoutMs)}`
      : 'the AI provider stopped answering';
  return `\n\n_(Cut off: ${why}.)_`;
}
