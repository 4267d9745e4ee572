import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { Store } from '@/lib/db/store';

import { chatFixtures, type OpenStore } from './fixtures';

/**
 * The calls port (lib/db/ports/calls.ts): one live call per conversation, answering, joining,
 * declining and ending once. Every adapter runs it (test/contracts/index.ts).
 */
export function callsContract(adapter: string, open: OpenStore) {
  describe(`${adapter} store: calls port`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    const { tick, people, group } = chatFixtures(() => store);

    /** A group of three and a ringing video call `a` started in it. */
    const ringing = async () => {
      const [a, b, c] = (await people(3)) as [string, string, string];
      const { id: conversationId } = await group(a, [b, c]);
      const { call } = await store.createCall({ conversationId, startedBy: a, kind: 'video' });
      return { a, b, c, conversationId, call };
    };

    it('starts a ringing call with the caller as its first participant', async () => {
      const { a, conversationId, call } = await ringing();
      expect(call.id).toMatch(/^call_[a-z0-9]{20}$/);
      expect(call.startedAt).toBeInstanceOf(Date);
      expect(call).toStrictEqual({
        id: call.id,
        conversationId,
        startedBy: a,
        kind: 'video',
        state: 'ringing',
        outcome: null,
        participants: [a],
        declinedBy: [],
        startedAt: call.startedAt,
        answeredAt: null,
        endedAt: null,
      });
      expect(await store.getCall({ id: call.id })).toStrictEqual(call);
      expect(await store.getActiveCall({ conversationId })).toStrictEqual(call);
    });

    it('keeps one live call per conversation: a second start gets the first call back', async () => {
      const { b, conversationId, call } = await ringing();
      const again = await store.createCall({ conversationId, startedBy: b, kind: 'audio' });
      expect(again).toStrictEqual({ call, created: false });
      await store.markCallAnswered({ id: call.id });
      const whileActive = await store.createCall({ conversationId, startedBy: b, kind: 'audio' });
      expect(whileActive.created).toBe(false);
      expect(whileActive.call.id).toBe(call.id);
    });

    it('creates one call for concurrent starts in the same conversation', async () => {
      const [a, b] = (await people(2)) as [string, string];
      const { id: conversationId } = await group(a, [b]);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          store.createCall({ conversationId, startedBy: i % 2 ? a : b, kind: 'audio' }),
        ),
      );
      expect(new Set(results.map((r) => r.call.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });

    it('lets each conversation have its own live call', async () => {
      const { a, b, call } = await ringing();
      const other = await group(a, [b]);
      const second = await store.createCall({
        conversationId: other.id,
        startedBy: b,
        kind: 'audio',
      });
      expect(second.created).toBe(true);
      expect(second.call.id).not.toBe(call.id);
    });

    it('refuses a call in a conversation that does not exist', async () => {
      const [a] = (await people(1)) as [string];
      await expect(
        store.createCall({ conversationId: 'c_missing', startedBy: a, kind: 'audio' }),
      ).rejects.toThrow(Error);
    });

    it('answers a ringing call once: later answers change nothing', async () => {
      const { call } = await ringing();
      await tick();
      const answered = await store.markCallAnswered({ id: call.id });
      expect(answered).toMatchObject({ state: 'active', outcome: null, endedAt: null });
      expect(answered!.answeredAt!.getTime()).toBeGreaterThanOrEqual(call.startedAt.getTime());
      await tick();
      expect(await store.markCallAnswered({ id: call.id })).toStrictEqual(answered);
    });

    it('adds participants once each, in join order, until the call ends', async () => {
      const { a, b, c, call } = await ringing();
      await store.addCallParticipant({ id: call.id, userId: c });
      await store.addCallParticipant({ id: call.id, userId: b });
      const again = await store.addCallParticipant({ id: call.id, userId: c });
      expect(again?.participants).toEqual([a, c, b]);
      await store.endCall({ id: call.id, outcome: 'completed' });
      const late = await store.addCallParticipant({ id: call.id, userId: 'u_late' });
      expect(late?.participants).toEqual([a, c, b]);
    });

    it('records declines once, and only while the call rings', async () => {
      const { b, c, call } = await ringing();
      await store.addCallDecline({ id: call.id, userId: b });
      expect((await store.addCallDecline({ id: call.id, userId: b }))?.declinedBy).toEqual([b]);
      await store.markCallAnswered({ id: call.id });
      expect((await store.addCallDecline({ id: call.id, userId: c }))?.declinedBy).toEqual([b]);
    });

    it('ends a call once: the first outcome stays, later ends report ended: false', async () => {
      const { conversationId, call } = await ringing();
      await tick();
      const first = await store.endCall({ id: call.id, outcome: 'missed' });
      expect(first?.ended).toBe(true);
      expect(first?.call).toMatchObject({ state: 'ended', outcome: 'missed', answeredAt: null });
      expect(first!.call.endedAt!.getTime()).toBeGreaterThan(call.startedAt.getTime());
      const second = await store.endCall({ id: call.id, outcome: 'completed' });
      expect(second).toStrictEqual({ call: first!.call, ended: false, queued: [] });
      expect(await store.markCallAnswered({ id: call.id })).toStrictEqual(first!.call);
      expect(await store.getActiveCall({ conversationId })).toBeNull();
    });

    it('ends a call only from the state the caller expects, when it names one', async () => {
      const { call } = await ringing();
      expect(await store.endCall({ id: call.id, outcome: 'completed', state: 'active' })).toEqual({
        call,
        ended: false,
        queued: [],
      });
      const answered = await store.markCallAnswered({ id: call.id });
      expect(await store.endCall({ id: call.id, outcome: 'missed', state: 'ringing' })).toEqual({
        call: answered,
        ended: false,
        queued: [],
      });
      const ended = await store.endCall({ id: call.id, outcome: 'completed', state: 'active' });
      expect(ended).toMatchObject({ ended: true, call: { state: 'ended', outcome: 'completed' } });
    });

    it('reports exactly one ended: true for concurrent ends', async () => {
      const { call } = await ringing();
      const results = await Promise.all(
        (['completed', 'missed', 'declined', 'completed'] as const).map((outcome) =>
          store.endCall({ id: call.id, outcome }),
        ),
      );
      expect(results.filter((r) => r?.ended)).toHaveLength(1);
      expect(new Set(results.map((r) => r?.call.outcome)).size).toBe(1);
    });

    it('starts a new call once the previous one ended, and lists calls newest first', async () => {
      const { a, b, conversationId, call } = await ringing();
      await store.endCall({ id: call.id, outcome: 'declined' });
      await tick();
      const next = await store.createCall({ conversationId, startedBy: b, kind: 'audio' });
      expect(next.created).toBe(true);
      expect(next.call).toMatchObject({ startedBy: b, participants: [b], state: 'ringing' });
      const listed = await store.listCalls({ conversationId, limit: 10 });
      expect(listed.map((x) => x.id)).toEqual([next.call.id, call.id]);
      expect(await store.listCalls({ conversationId, limit: 1 })).toStrictEqual([next.call]);
      expect(await store.listCalls({ conversationId: 'c_missing', limit: 5 })).toEqual([]);
      expect(a).not.toBe(b);
    });

    it('counts calls per UTC day, and the minutes of those answered', async () => {
      const since = new Date(Date.now() - 24 * 3600_000);
      const day = new Date().toISOString().slice(0, 10);
      const of = async () =>
        (await store.callActivity({ since })).find((d) => d.day === day) ?? {
          day,
          calls: 0,
          callMinutes: 0,
        };
      const before = await of();
      const first = await ringing();
      // Only Date is faked: the call is answered, then ends 90 s later.
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        await store.markCallAnswered({ id: first.call.id });
        vi.setSystemTime(Date.now() + 90_000);
        await store.endCall({ id: first.call.id, outcome: 'completed' });
      } finally {
        vi.useRealTimers();
      }
      const missed = await ringing();
      await store.endCall({ id: missed.call.id, outcome: 'missed' });
      const after = await of();
      expect(after.calls - before.calls).toBe(2);
      expect(after.callMinutes - before.callMinutes).toBeCloseTo(1.5, 1);
      expect(await store.callActivity({ since: new Date(Date.now() + 3600_000) })).toEqual([]);
    });

    it('answers null for unknown calls', async () => {
      const id = 'call_missing';
      expect(await store.getCall({ id })).toBeNull();
      expect(await store.getActiveCall({ conversationId: 'c_missing' })).toBeNull();
      expect(await store.markCallAnswered({ id })).toBeNull();
      expect(await store.addCallParticipant({ id, userId: 'u_x' })).toBeNull();
      expect(await store.addCallDecline({ id, userId: 'u_x' })).toBeNull();
      expect(await store.endCall({ id, outcome: 'missed' })).toBeNull();
    });
  });
}
