import { afterEach, describe, expect, it, vi } from 'vitest';

import { requireSecret } from '@/lib/env';
import { recentActivity } from '@/lib/metrics/recent';
import { metricsRegistry } from '@/lib/metrics/registry';

import type { RoomEvent } from '../protocol';
import {
  getConversationViewers,
  publishStats,
  publishToConversation,
  readConnectedSockets,
  VIEWERS_FRESH_MS,
} from './publish';

const event: RoomEvent = { type: 'conversation.updated', conversationId: 'c_1' };

/** Replaces fetch with one answering `respond`, and records each call's URL and init. */
function stubFetch(respond: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return respond();
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('publishToConversation', () => {
  it('posts once to the conversation room, with recipients and the server secret', async () => {
    const calls = stubFetch(() => Response.json({ delivered: 2 }));
    const ok = await publishToConversation({
      conversationId: 'c_1',
      recipients: ['u_a', 'u_b'],
      events: [event],
    });
    expect(ok).toBe(true);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('http://127.0.0.1:9/parties/conversation/c_1');
    expect(call?.init?.method).toBe('POST');
    expect(new Headers(call?.init?.headers).get('authorization')).toBe(
      `Bearer ${requireSecret('PARTY_SECRET')}`,
    );
    const body = call?.init?.body;
    expect(typeof body === 'string' && JSON.parse(body)).toEqual({
      events: [event],
      recipients: ['u_a', 'u_b'],
    });
  });

  it('never throws: a refused publish is counted and answers false', async () => {
    stubFetch(() => new Response('no', { status: 500 }));
    const failed = publishStats.failed;
    expect(
      await publishToConversation({ conversationId: 'c_1', recipients: ['u_a'], events: [event] }),
    ).toBe(false);
    expect(publishStats.failed).toBe(failed + 1);
  });

  it('sends nothing when nobody is to hear it', async () => {
    const calls = stubFetch(() => Response.json({ delivered: 0 }));
    expect(
      await publishToConversation({ conversationId: 'c_1', recipients: [], events: [event] }),
    ).toBe(true);
    expect(calls).toHaveLength(0);
  });
});

describe('getConversationViewers', () => {
  it('asks the conversation room with the server secret and returns its viewers', async () => {
    const calls = stubFetch(() => Response.json({ viewers: ['u_a', 'u_b'] }));
    expect(await getConversationViewers('c_1')).toEqual(['u_a', 'u_b']);
    expect(calls[0]?.url).toBe('http://127.0.0.1:9/parties/conversation/c_1');
    expect(calls[0]?.init?.method ?? 'GET').toBe('GET');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe(
      `Bearer ${requireSecret('PARTY_SECRET')}`,
    );
  });

  it('answers [] when the room fails, refuses or answers nonsense', async () => {
    stubFetch(() => {
      throw new TypeError('fetch failed');
    });
    expect(await getConversationViewers('c_1')).toEqual([]);
    stubFetch(() => new Response('unauthorized', { status: 401 }));
    expect(await getConversationViewers('c_1')).toEqual([]);
    stubFetch(() => Response.json({ viewers: 'everyone' }));
    expect(await getConversationViewers('c_1')).toEqual([]);
  });

  it('uses the viewers a publish just answered with, and asks again once they are stale', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const calls = stubFetch(() => Response.json({ delivered: 1, viewers: ['u_a'] }));
      await publishToConversation({
        conversationId: 'c_seen',
        recipients: ['u_b'],
        events: [event],
      });
      expect(await getConversationViewers('c_seen')).toEqual(['u_a']);
      expect(calls).toHaveLength(1);
      // Another conversation's publish answer says nothing about this one.
      expect(await getConversationViewers('c_other')).toEqual(['u_a']);
      expect(calls).toHaveLength(2);
      vi.setSystemTime(Date.now() + VIEWERS_FRESH_MS);
      stubFetch(() => Response.json({ viewers: [] }));
      expect(await getConversationViewers('c_seen')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers [] when nothing listens (the real fetch)', async () => {
    expect(await getConversationViewers('c_1')).toEqual([]);
  });
});

describe('what the rooms report', () => {
  it('counts the deliveries a conversation room reports in its publish answer', async () => {
    const before = await deliveriesTotal();
    stubFetch(() => Response.json({ delivered: 2, deliveries: 5, viewers: [] }));
    await publishToConversation({
      conversationId: 'c_d',
      recipients: ['u_a', 'u_b'],
      events: [event],
    });
    // An older room answers without the count: nothing is added, nothing fails.
    stubFetch(() => Response.json({ delivered: 1, viewers: [] }));
    await publishToConversation({ conversationId: 'c_d', recipients: ['u_a'], events: [event] });
    expect((await deliveriesTotal()) - before).toBe(5);
    expect(recentActivity().snapshot().at(-1)?.counts.deliveries).toBeGreaterThanOrEqual(5);
  });

  it('reads the connected sockets from the sockets room, or null when it cannot', async () => {
    const calls = stubFetch(() => Response.json({ sockets: 12, rooms: 7 }));
    expect(await readConnectedSockets()).toBe(12);
    expect(calls[0]?.url).toBe('http://127.0.0.1:9/parties/main/_sockets');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe(
      `Bearer ${requireSecret('PARTY_SECRET')}`,
    );
    stubFetch(() => Response.json({ sockets: 'many' }));
    expect(await readConnectedSockets()).toBeNull();
    stubFetch(() => new Response('down', { status: 503 }));
    expect(await readConnectedSockets()).toBeNull();
  });
});

async function deliveriesTotal(): Promise<number> {
  const metric = await metricsRegistry().getSingleMetric('parley_realtime_deliveries_total')?.get();
  return metric?.values[0]?.value ?? 0;
}
