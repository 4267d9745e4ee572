import { afterEach, describe, expect, it, vi } from 'vitest';

import { callResponseSchema, type CallWire } from '@/lib/calls/wire';
import * as realtime from '@/lib/realtime/server/publish';
import {
  describeJsonBodyErrors,
  expectError,
  fetchMessages,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';
import { act, actAs, getCallAs, startCall } from '@/test/calls';

import { POST } from './route';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A ringing 1:1 video call from `a` to `b`. */
async function ringing() {
  const [a, b] = await signUpUsers(2);
  const { id } = await startDirect(a, b);
  const { call } = await startCall(a, id);
  return { a, b, conversationId: id, call };
}

/** The call system messages of the conversation, as `b` reads them. */
async function callMessages(account: TestAccount, conversationId: string) {
  const { messages } = await fetchMessages(account, conversationId);
  return messages.flatMap((m) => (m.system?.type === 'call' ? [m.system] : []));
}

const expectEnded = (call: CallWire, outcome: string) =>
  expect(call).toMatchObject({ state: 'ended', outcome, ringUntil: null });

describe('POST /api/v1/calls/:id accept', () => {
  it('answers a ringing call: active, with the answer time and the callee in it', async () => {
    const { a, b, call } = await ringing();
    const answered = await act(b, call.id, 'accept');
    expect(answered).toMatchObject({
      state: 'active',
      participants: [a.user.id, b.user.id],
      ringUntil: null,
      durationMs: null,
    });
    expect(Date.parse(answered.answeredAt!)).toBeGreaterThanOrEqual(Date.parse(call.startedAt));
    expect(await act(b, call.id, 'accept')).toEqual(answered);
  });

  it('refuses the caller answering their own call (409)', async () => {
    const { a, call } = await ringing();
    await expectError(await actAs(a, call.id, { action: 'accept' }), 409, 'conflict');
  });

  it('refuses a call that has ended, and one that rang past its deadline (409)', async () => {
    const { b, call } = await ringing();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(call.ringUntil!) });
    const error = await expectError(await actAs(b, call.id, { action: 'accept' }), 409, 'conflict');
    expect(error.message).toBe('This call has ended.');
    const res = await getCallAs(b, call.id);
    expectEnded(callResponseSchema.parse(await res.json()).call, 'missed');
  });

  it('lets group members join one after another', async () => {
    const [a, b, c] = await signUpUsers(3);
    const { id } = await startGroup(a, [b, c]);
    const { call } = await startCall(a, id, 'audio');
    await act(c, call.id, 'accept');
    const joined = await act(b, call.id, 'accept');
    expect(joined.participants).toEqual([a.user.id, c.user.id, b.user.id]);
  });
});

describe('POST /api/v1/calls/:id decline', () => {
  it('ends a 1:1 call as declined and records it, once', async () => {
    const { a, b, conversationId, call } = await ringing();
    const declined = await act(b, call.id, 'decline');
    expectEnded(declined, 'declined');
    expect(declined).toMatchObject({ declinedBy: [b.user.id], durationMs: 0 });
    expect(await act(b, call.id, 'decline')).toEqual(declined);
    expect(await act(a, call.id, 'hangup')).toEqual(declined);
    expect(await callMessages(b, conversationId)).toEqual([
      {
        type: 'call',
        actorId: a.user.id,
        callId: call.id,
        kind: 'video',
        outcome: 'declined',
        durationMs: 0,
      },
    ]);
  });

  it('keeps a group call ringing until everyone declined', async () => {
    const [a, b, c] = await signUpUsers(3);
    const { id } = await startGroup(a, [b, c]);
    const { call } = await startCall(a, id);
    expect(await act(b, call.id, 'decline')).toMatchObject({
      state: 'ringing',
      declinedBy: [b.user.id],
    });
    expectEnded(await act(c, call.id, 'decline'), 'declined');
  });
});

describe('POST /api/v1/calls/:id hangup', () => {
  it('ends an unanswered call as missed when the caller gives up', async () => {
    const { a, b, conversationId, call } = await ringing();
    expectEnded(await act(a, call.id, 'hangup'), 'missed');
    expect(await callMessages(b, conversationId)).toMatchObject([
      { outcome: 'missed', durationMs: 0 },
    ]);
  });

  it('ends a 1:1 call for both, with its duration, and records it once', async () => {
    const { a, b, conversationId, call } = await ringing();
    const answered = await act(b, call.id, 'accept');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(answered.answeredAt!) + 65_000 });
    const ended = await act(a, call.id, 'hangup');
    expectEnded(ended, 'completed');
    expect(ended.durationMs).toBe(65_000);
    expect(await act(b, call.id, 'hangup')).toEqual(ended);
    expect(await callMessages(a, conversationId)).toEqual([
      {
        type: 'call',
        actorId: a.user.id,
        callId: call.id,
        kind: 'video',
        outcome: 'completed',
        durationMs: 65_000,
      },
    ]);
  });

  it('publishes the end once to the conversation room, which passes it to the call room', async () => {
    const { a, b, conversationId, call } = await ringing();
    await act(b, call.id, 'accept');
    const publish = vi.spyOn(realtime, 'publishToConversation');
    await act(a, call.id, 'hangup');
    await act(b, call.id, 'hangup');
    const ends = publish.mock.calls.flatMap(([c]) =>
      c.events.filter((e) => e.type === 'call.ended'),
    );
    expect(ends).toEqual([
      {
        type: 'call.ended',
        conversationId,
        callId: call.id,
        outcome: 'completed',
        durationMs: expect.any(Number),
      },
    ]);
    expect(publish.mock.calls[0]![0].conversationId).toBe(conversationId);
  });

  it('ends a group call when its room cannot say who is left', async () => {
    // In these tests PartyKit is unreachable; party/call.test.ts covers the room's own count.
    const [a, b, c] = await signUpUsers(3);
    const { id } = await startGroup(a, [b, c]);
    const { call } = await startCall(a, id);
    await act(b, call.id, 'accept');
    expectEnded(await act(b, call.id, 'hangup'), 'completed');
  });
});

describe('GET /api/v1/calls/:id', () => {
  it('shows the call to members of its conversation', async () => {
    const { b, call } = await ringing();
    const res = await getCallAs(b, call.id);
    expect(res.status).toBe(200);
    expect(callResponseSchema.parse(await res.json()).call).toEqual(call);
  });
});

describe('/api/v1/calls/:id errors', () => {
  it('answers 404 to people outside the conversation and for unknown calls', async () => {
    const { call } = await ringing();
    const outsider = await signUpUser();
    for (const id of [call.id, 'call_doesnotexist']) {
      await expectError(await getCallAs(outsider, id), 404, 'not_found');
      for (const action of ['accept', 'decline', 'hangup'])
        await expectError(await actAs(outsider, id, { action }), 404, 'not_found');
    }
  });

  it('answers 422 for an unknown action', async () => {
    const { b, call } = await ringing();
    const error = await expectError(
      await actAs(b, call.id, { action: 'transfer' }),
      422,
      'validation_failed',
    );
    expect(error.fields).toEqual({ action: 'action must be "accept", "decline" or "hangup"' });
  });

  it('answers 401 when signed out', async () => {
    const res = await POST(
      new Request('http://parley.test/api/v1/calls/call_x', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'accept' }),
      }),
      withParams({ id: 'call_x' }),
    );
    await expectError(res, 401, 'unauthorized');
  });
});

describeJsonBodyErrors({
  method: 'POST',
  path: '/calls/call_x',
  handler: (req) => POST(req, withParams({ id: 'call_x' })),
  headers: async () => withCookie((await signUpUser()).cookie),
});
