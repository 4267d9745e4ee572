import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  startStandIn,
  type StandIn,
  type StandInAnswer,
  type StandInRequest,
} from '@/test/http-stand-in';

import type * as EnvModule from '@/lib/env';
import type * as RecentModule from '@/lib/metrics/recent';
import type * as RegistryModule from '@/lib/metrics/registry';

import type { RoomEvent } from '../protocol';
import type * as PublishModule from './publish';

const event: RoomEvent = { type: 'conversation.updated', conversationId: 'c_1' };

/** PartyKit as publish.ts sees it: a real HTTP server on a free port, answering as told. */
let room: StandIn;
let answer: () => StandInAnswer = () => ({ status: 200, json: {} });
let calls: StandInRequest[] = [];

// Imported once the stand-in room listens: the environment (PARTYKIT_HOST) is read on import.
let getConversationViewers: typeof PublishModule.getConversationViewers;
let publishStats: typeof PublishModule.publishStats;
let publishToConversation: typeof PublishModule.publishToConversation;
let readConnectedSockets: typeof PublishModule.readConnectedSockets;
let VIEWERS_FRESH_MS: number;
let requireSecret: typeof EnvModule.requireSecret;
let recentActivity: typeof RecentModule.recentActivity;
let metricsRegistry: typeof RegistryModule.metricsRegistry;

beforeAll(async () => {
  room = await startStandIn((req) => {
    calls.push(req);
    return answer();
  });
  vi.stubEnv('PARTYKIT_HOST', room.host);
  vi.resetModules();
  ({
    getConversationViewers,
    publishStats,
    publishToConversation,
    readConnectedSockets,
    VIEWERS_FRESH_MS,
  } = await import('./publish'));
  ({ requireSecret } = await import('@/lib/env'));
  ({ recentActivity } = await import('@/lib/metrics/recent'));
  ({ metricsRegistry } = await import('@/lib/metrics/registry'));
});
afterAll(() => {
  room.close();
  vi.unstubAllEnvs();
});

/** The room answers `respond` from now on; answers the requests it gets. */
function stubRoom(respond: () => StandInAnswer): StandInRequest[] {
  answer = respond;
  calls = [];
  return calls;
}

describe('publishToConversation', () => {
  it('posts once to the conversation room, with recipients and the server secret', async () => {
    const calls = stubRoom(() => ({ status: 200, json: { delivered: 2 } }));
    const ok = await publishToConversation({
      conversationId: 'c_1',
      recipients: ['u_a', 'u_b'],
      events: [event],
    });
    expect(ok).toBe(true);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.path).toBe('/parties/conversation/c_1');
    expect(call?.method).toBe('POST');
    expect(call?.headers.authorization).toBe(`Bearer ${requireSecret('PARTY_SECRET')}`);
    expect(JSON.parse(call?.body ?? '')).toEqual({
      events: [event],
      recipients: ['u_a', 'u_b'],
    });
  });

  it('never throws: a refused publish is counted and answers false', async () => {
    stubRoom(() => ({ status: 500, text: 'no' }));
    const failed = publishStats.failed;
    expect(
      await publishToConversation({ conversationId: 'c_1', recipients: ['u_a'], events: [event] }),
    ).toBe(false);
    expect(publishStats.failed).toBe(failed + 1);
  });

  it('sends nothing when nobody is to hear it', async () => {
    const calls = stubRoom(() => ({ status: 200, json: { delivered: 0 } }));
    expect(
      await publishToConversation({ conversationId: 'c_1', recipients: [], events: [event] }),
    ).toBe(true);
    expect(calls).toHaveLength(0);
  });
});

describe('getConversationViewers', () => {
  it('asks the conversation room with the server secret and returns its viewers', async () => {
    const calls = stubRoom(() => ({ status: 200, json: { viewers: ['u_a', 'u_b'] } }));
    expect(await getConversationViewers('c_1')).toEqual(['u_a', 'u_b']);
    expect(calls[0]?.path).toBe('/parties/conversation/c_1');
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${requireSecret('PARTY_SECRET')}`);
  });

  it('answers [] when the room fails, refuses or answers nonsense', async () => {
    stubRoom(() => 'hang up');
    expect(await getConversationViewers('c_1')).toEqual([]);
    stubRoom(() => ({ status: 401, text: 'unauthorized' }));
    expect(await getConversationViewers('c_1')).toEqual([]);
    stubRoom(() => ({ status: 200, json: { viewers: 'everyone' } }));
    expect(await getConversationViewers('c_1')).toEqual([]);
  });

  it('uses the viewers a publish just answered with, and asks again once they are stale', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const calls = stubRoom(() => ({ status: 200, json: { delivered: 1, viewers: ['u_a'] } }));
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
      stubRoom(() => ({ status: 200, json: { viewers: [] } }));
      expect(await getConversationViewers('c_seen')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('what the rooms report', () => {
  it('counts the deliveries a conversation room reports in its publish answer', async () => {
    const before = await deliveriesTotal();
    stubRoom(() => ({ status: 200, json: { delivered: 2, deliveries: 5, viewers: [] } }));
    await publishToConversation({
      conversationId: 'c_d',
      recipients: ['u_a', 'u_b'],
      events: [event],
    });
    // An older room answers without the count: nothing is added, nothing fails.
    stubRoom(() => ({ status: 200, json: { delivered: 1, viewers: [] } }));
    await publishToConversation({ conversationId: 'c_d', recipients: ['u_a'], events: [event] });
    expect((await deliveriesTotal()) - before).toBe(5);
    expect(recentActivity().snapshot().at(-1)?.counts.deliveries).toBeGreaterThanOrEqual(5);
  });

  it('reads the connected sockets from the sockets room, or null when it cannot', async () => {
    const calls = stubRoom(() => ({ status: 200, json: { sockets: 12, rooms: 7 } }));
    expect(await readConnectedSockets()).toBe(12);
    expect(calls[0]?.path).toBe('/parties/main/_sockets');
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${requireSecret('PARTY_SECRET')}`);
    stubRoom(() => ({ status: 200, json: { sockets: 'many' } }));
    expect(await readConnectedSockets()).toBeNull();
    stubRoom(() => ({ status: 503, text: 'down' }));
    expect(await readConnectedSockets()).toBeNull();
  });
});

async function deliveriesTotal(): Promise<number> {
  const metric = await metricsRegistry().getSingleMetric('parley_realtime_deliveries_total')?.get();
  return metric?.values[0]?.value ?? 0;
}
