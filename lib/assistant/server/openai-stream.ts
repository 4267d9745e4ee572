import 'server-only';

import { z } from 'zod';

import { log } from '@/lib/log';

import { createSseReader } from './sse';

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** Where and how to ask: any OpenAI-compatible chat-completions API. */
export type ProviderOptions = {
  /** Up to the version, e.g. `https://api.groq.com/openai/v1`. */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** The whole request, streaming included, is abandoned after this long. */
  timeoutMs: number;
};

type Reason = 'http' | 'timeout' | 'network' | 'stream';

/** Why the provider gave no (complete) answer; `status`/`providerMessage` for HTTP errors. */
export class AiProviderError extends Error {
  override name = 'AiProviderError';
  constructor(
    readonly reason: Reason,
    message: string,
    readonly status: number | null = null,
    readonly providerMessage: string | null = null,
  ) {
    super(message);
  }
}

// Only what we read of a chunk; providers add fields freely. An `error` can arrive mid-stream.
const chunkSchema = z.object({
  choices: z
    .array(z.object({ delta: z.object({ content: z.string().nullish() }).nullish() }))
    .nullish(),
  error: z.object({ message: z.string() }).nullish(),
});

// OpenAI and Groq answer `{error: {message}}`; some compatible servers `{error: "…"}` or `{message}`.
const errorBodySchema = z.union([
  z.object({ error: z.object({ message: z.string() }) }).transform((b) => b.error.message),
  z.object({ error: z.string() }).transform((b) => b.error),
  z.object({ message: z.string() }).transform((b) => b.message),
]);

function providerMessageOf(text: string): string | null {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.trim().slice(0, 200) || null : null;
  } catch {
    return null;
  }
}

/**
 * Asks for a streamed chat completion and yields the reply's text as it arrives
 * (`choices[0].delta.content` of each `data:` event, until `data: [DONE]`). Throws AiProviderError
 * for a non-2xx answer, a timeout, an unreachable provider or an error inside the stream. An abort
 * through `signal` (the job being cancelled) is rethrown as it is. Stopping early (`break`)
 * closes the connection.
 */
export async function* streamChatCompletion(
  input: ProviderOptions & { messages: ChatMessage[]; signal?: AbortSignal },
): AsyncGenerator<string, void, undefined> {
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([timeout, input.signal]) : timeout;
  const failure = (err: unknown, reason: 'network' | 'stream'): unknown => {
    if (input.signal?.aborted) return input.signal.reason ?? err;
    if (timeout.aborted) return new AiProviderError('timeout', 'the provider timed out');
    if (err instanceof AiProviderError) return err;
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : null;
    const code = cause && 'code' in cause ? String(cause.code) : null;
    return new AiProviderError(
      reason,
      code ?? cause?.message ?? (err instanceof Error ? err.message : String(err)),
    );
  };

  let res: Response;
  try {
    res = await fetch(`${input.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${input.apiKey}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ model: input.model, messages: input.messages, stream: true }),
      signal,
    });
  } catch (err) {
    throw failure(err, 'network');
  }

  if (!res.ok || !res.body) {
    const text = await res.text().catch(() => '');
    throw new AiProviderError(
      'http',
      `the provider answered ${res.status}`,
      res.status,
      providerMessageOf(text),
    );
  }

  const pieces: string[] = [];
  let done = false;
  const sse = createSseReader((data) => {
    if (done) return;
    if (data.trim() === '[DONE]') {
      done = true;
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      log.warn({ data: data.slice(0, 200) }, 'assistant: skipped a stream event that is not JSON');
      return;
    }
    const chunk = chunkSchema.safeParse(json);
    if (!chunk.success) return;
    if (chunk.data.error) {
      throw new AiProviderError('stream', 'error in the stream', null, chunk.data.error.message);
    }
    const content = chunk.data.choices?.[0]?.delta?.content;
    if (content) pieces.push(content);
  });

  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  try {
    while (!done) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (err) {
        // The connection broke after the answer began.
        throw failure(err, 'stream');
      }
      if (read.done) {
        sse.push(decoder.decode());
        sse.end();
        done = true;
      } else {
        // stream: true keeps a character cut between two chunks until its last byte arrives.
        sse.push(decoder.decode(read.value, { stream: true }));
      }
      while (pieces.length > 0) yield pieces.shift()!;
    }
  } finally {
    // Done, stopped early or failed: free the connection without waiting for the provider.
    reader.cancel().catch(() => {});
  }
}
