import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freePort } from '@/test/partykit';
import { startFakeOpenAI, type FakeOpenAI } from '@/test/fake-openai';

import { AiProviderError, streamChatCompletion, type ChatMessage } from './openai-stream';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

const messages: ChatMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Ana: hello' },
];

function ask(over: { baseUrl?: string; timeoutMs?: number; signal?: AbortSignal } = {}) {
  return streamChatCompletion({
    baseUrl: fake.baseUrl,
    apiKey: 'sk-test',
    model: 'fake-model',
    timeoutMs: 2000,
    messages,
    ...over,
  });
}

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const piece of stream) out.push(piece);
  return out;
}

async function failureOf(stream: AsyncIterable<string>): Promise<unknown> {
  try {
    await collect(stream);
  } catch (error) {
    return error;
  }
  throw new Error('the stream did not fail');
}

describe('streamChatCompletion', () => {
  it('posts the model, the messages and stream: true with the key, and yields each delta', async () => {
    fake.setMode({ kind: 'stream', pieces: ['Hel', 'lo, ', 'Ana ', 'çé👋', '!'] });
    const before = fake.requests.length;
    expect(await collect(ask())).toEqual(['Hel', 'lo, ', 'Ana ', 'çé👋', '!']);
    const request = fake.requests[before]!;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/chat/completions' });
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(request.body).toEqual({ model: 'fake-model', messages, stream: true });
  });

  it('tolerates a trailing slash on the base URL', async () => {
    fake.setMode({ kind: 'stream', pieces: ['ok'] });
    expect(await collect(ask({ baseUrl: `${fake.baseUrl}/` }))).toEqual(['ok']);
  });

  it('throws the status and the provider’s message for an error answer', async () => {
    fake.setMode({ kind: 'error', status: 401, message: 'Invalid API Key' });
    const error = await failureOf(ask());
    expect(error).toBeInstanceOf(AiProviderError);
    expect(error).toMatchObject({
      reason: 'http',
      status: 401,
      providerMessage: 'Invalid API Key',
    });
  });

  it('times out a provider that never finishes, even after it started answering', async () => {
    fake.setMode({ kind: 'hang', pieces: ['Par'] });
    const pieces: string[] = [];
    const started = Date.now();
    let error: unknown;
    try {
      for await (const piece of ask({ timeoutMs: 300 })) pieces.push(piece);
    } catch (e) {
      error = e;
    }
    expect(pieces).toEqual(['Par']);
    expect(error).toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(10_000); // the 300 ms timeout fired, not the test's
  });

  it('times out a provider that never sends a byte of its answer', async () => {
    fake.setMode({ kind: 'hang' });
    expect(await failureOf(ask({ timeoutMs: 200 }))).toMatchObject({ reason: 'timeout' });
  });

  it('rethrows the caller’s own abort as it is, not as a provider failure', async () => {
    fake.setMode({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('job stopped')), 100);
    const error = await failureOf(ask({ signal: controller.signal, timeoutMs: 5000 }));
    expect(error).not.toBeInstanceOf(AiProviderError);
    expect(error).toMatchObject({ message: 'job stopped' });
  });

  it('says when the provider cannot be reached', async () => {
    const port = await freePort();
    const error = await failureOf(ask({ baseUrl: `http://127.0.0.1:${port}/v1` }));
    expect(error).toMatchObject({ reason: 'network', message: 'ECONNREFUSED' });
  });
});
