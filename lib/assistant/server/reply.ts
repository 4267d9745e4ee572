import 'server-only';

import { announce } from '@/lib/chat/server/events';
import { postMessageAs } from '@/lib/chat/server/posted-messages';
import { MESSAGE_MAX_LENGTH } from '@/lib/chat/schemas';
import type { MembershipsPort, MessagesPort, Store, UsersPort } from '@/lib/db/store';
import type { Message } from '@/lib/db/types';
import { BrokenCircuitError } from 'cockatiel';

import { log } from '@/lib/log';
import { aiDuration, aiRequests, aiTokens } from '@/lib/metrics/metrics';
import { breakerStatus, guarded } from '@/lib/resilience/breakers';

import { buildContext, estimateTokens } from './context';
import { createDraftThrottle } from './draft-throttle';
import { ASSISTANT_ID } from '../identity';
import {
  AiProviderError,
  streamChatCompletion,
  type ChatMessage,
  type ProviderOptions,
} from './openai-stream';
import {
  NO_ANSWER,
  NOT_CONFIGURED,
  cutOff,
  describeFailure,
  providerUnavailable,
  rateLimited,
} from './texts';

/** Members see the growing draft refreshed at most this often. */
export const DRAFT_INTERVAL_MS = 150;

/** The reply's clientId, also the draft's id: one reply per message, whatever runs twice. */
export const replyClientId = (messageId: string) => `ai-${messageId}`;

export type ReplySettings = {
  /** null when no AI_API_KEY is set: the assistant says so instead of asking anyone. */
  provider: ProviderOptions | null;
  contextTokens: number;
  requestsPerHour: number;
  draftIntervalMs?: number;
};

/** The reply already stored by an earlier run, if any (it follows the message it answers). */
async function findStoredReply(store: MessagesPort, trigger: Message): Promise<Message | null> {
  const clientId = replyClientId(trigger.id);
  const page = await store.listMessages({
    conversationId: trigger.conversationId,
    after: trigger.seq,
    limit: 100,
  });
  return page.messages.find((m) => m.authorId === ASSISTANT_ID && m.clientId === clientId) ?? null;
}

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).host : url);

function clip(text: string, max = MESSAGE_MAX_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Streams the provider's answer into the conversation as `message.draft` events and returns the
 * final text: the answer, or what went wrong (after whatever part of the answer arrived).
 * Rethrows only an abort of `signal` (the job itself was stopped), so the queue retries.
 */
async function streamAnswer(
  store: MembershipsPort & MessagesPort & UsersPort,
  trigger: Message,
  settings: ReplySettings & { provider: ProviderOptions },
  signal: AbortSignal | undefined,
): Promise<string> {
  const { provider } = settings;
  const draftId = replyClientId(trigger.id);
  const drafts = createDraftThrottle({
    intervalMs: settings.draftIntervalMs ?? DRAFT_INTERVAL_MS,
    send: (body) =>
      announce(store, trigger.conversationId, [
        {
          type: 'message.draft',
          conversationId: trigger.conversationId,
          draftId,
          authorId: ASSISTANT_ID,
          replyToId: trigger.id,
          body,
        },
      ]),
  });
  let text = '';
  const started = performance.now();
  try {
    const messages = await buildContext({
      store,
      trigger,
      budgetTokens: settings.contextTokens,
    });
    // Through the AI breaker: after repeated failures the provider is not asked at all for a
    // while, and the person is told at once when it will be tried again.
    await guarded('ai', async () => {
      for await (const piece of streamChatCompletion({ ...provider, messages, signal })) {
        text += piece;
        // Longer than a message may be: stop paying for tokens nobody will see.
        if (text.length >= MESSAGE_MAX_LENGTH) break;
        drafts.push(text);
      }
    });
    observeAi('ok', started, messages, text);
    return clip(text.trim() || NO_ANSWER);
  } catch (error) {
    if (error instanceof BrokenCircuitError) {
      observeAi('unavailable', started, [], '');
      return providerUnavailable(breakerStatus('ai').retryAt);
    }
    observeAi(
      error instanceof AiProviderError && error.reason === 'timeout' ? 'timeout' : 'error',
      started,
      [],
      text,
    );
    if (!(error instanceof AiProviderError)) {
      if (signal?.aborted) throw error;
      log.error({ err: error, messageId: trigger.id }, 'assistant reply failed');
    } else {
      log.warn({ err: error, messageId: trigger.id }, 'AI provider failed');
    }
    if (text.trim()) {
      const note = cutOff(error, provider);
      return clip(text.trimEnd(), MESSAGE_MAX_LENGTH - note.length) + note;
    }
    return describeFailure(error, {
      timeoutMs: provider.timeoutMs,
      host: hostOf(provider.baseUrl),
    });
  } finally {
    await drafts.close();
  }
}

/** Requests, latency and (estimated, chars / 4) tokens of the AI provider, for /api/metrics. */
function observeAi(
  result: 'ok' | 'error' | 'timeout' | 'unavailable',
  started: number,
  messages: ChatMessage[],
  text: string,
): void {
  aiRequests.inc({ result });
  if (result === 'unavailable') return;
  aiDuration.observe((performance.now() - started) / 1000);
  aiTokens.inc(
    { direction: 'in' },
    messages.reduce((sum, m) => sum + estimateTokens(m), 0),
  );
  aiTokens.inc({ direction: 'out' }, Math.ceil(text.length / 4));
}

/**
 * The `assistant-reply` job: answers `messageId` in its conversation as the assistant, once.
 * A rerun finds the stored reply and stops before asking the provider; if it still got that far
 * (the reply was stored after it looked), the store's (conversation, author, clientId) rule
 * returns the stored reply and nothing is published twice. Every outcome that is not an answer
 * (limit reached, no provider, provider error or timeout) is a short assistant message too.
 */
export async function replyToMessage(input: {
  store: MembershipsPort & MessagesPort & UsersPort & Pick<Store, 'listJobs' | 'relayOutbox'>;
  conversationId: string;
  messageId: string;
  limited?: { retryAfterSeconds: number };
  settings: ReplySettings;
  signal?: AbortSignal;
}): Promise<void> {
  const { store, settings } = input;
  const trigger = await store.getMessage({ id: input.messageId });
  // Deleted or gone before we got to it (or a payload naming the wrong conversation): no question.
  if (!trigger || trigger.conversationId !== input.conversationId || trigger.deletedAt) return;
  const member = await store.getMembership({
    conversationId: trigger.conversationId,
    userId: ASSISTANT_ID,
  });
  // Removed from the group meanwhile: it no longer speaks there.
  if (!member) return;
  if (await findStoredReply(store, trigger)) return;

  let body: string;
  if (input.limited) {
    body = rateLimited({
      perHour: settings.requestsPerHour,
      retryAfterSeconds: input.limited.retryAfterSeconds,
    });
  } else if (!settings.provider) {
    body = NOT_CONFIGURED;
  } else {
    body = await streamAnswer(
      store,
      trigger,
      { ...settings, provider: settings.provider },
      input.signal,
    );
  }
  await postMessageAs(store, {
    conversationId: trigger.conversationId,
    authorId: ASSISTANT_ID,
    body,
    clientId: replyClientId(trigger.id),
    replyTo: trigger,
  });
}
