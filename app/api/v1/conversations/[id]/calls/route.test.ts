import { afterEach, describe, expect, it, vi } from 'vitest';

import { act, liveCall, startCall, startCallAs } from '@/test/calls';
import {
  describeJsonBodyErrors,
  expectError,
  expectRetryAfter,
  fetchMessages,
  getRequest,
  signUpUser,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  withParams,
} from '@/test/api';

import { GET, POST } from './route';

afterEach(() => {
  vi.useRealTimers();
});

describe('POST /api/v1/conversations/:id/calls', () => {
  it('starts a ringing call with the caller in it, ringing for 30 seconds', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const { call, status } = await startCall(a, id, 'audio');
    expect(status).toBe(201);
    expect(call).toEqual({
      id: expect.stringMatching(/^call_[a-z0-9]{20}$/),
      conversationId: id,
      startedBy: a.user.id,
      kind: 'audio',
      state: 'ringing',
      outcome: null,
      participants: [a.user.id],
      declinedBy: [],
      startedAt: expect.any(String),
      answeredAt: null,
      endedAt: null,
      ringUntil: expect.any(String),
      durationMs: null,
    });
    expect(Date.parse(call.ringUntil!) - Date.parse(call.startedAt)).toBe(30_000);
    expect(await liveCall(b, id)).toEqual(call);
  });

  it('answers a second start while one rings with that call, the caller joined (glare)', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const first = await startCall(a, id, 'video');
    const second = await startCall(b, id, 'audio');
    expect(second.status).toBe(200);
    expect(second.call).toMatchObject({
      id: first.call.id,
      kind: 'video',
      state: 'active',
      participants: [a.user.id, b.user.id],
      ringUntil: null,
    });
    expect(second.call.answeredAt).not.toBeNull();
  });

  it('gives the caller their own ringing call back when they start again', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const first = await startCall(a, id);
    const again = await startCall(a, id);
    expect(again).toEqual({ call: first.call, status: 200 });
  });

  it('joins an ongoing group call from the conversation header', async () => {
    const [a, b, c] = await signUpUsers(3);
    const { id } = await startGroup(a, [b, c]);
    const { call } = await startCall(a, id);
    await act(b, call.id, 'accept');
    const joined = await startCall(c, id);
    expect(joined.status).toBe(200);
    expect(joined.call.participants).toEqual([a.user.id, b.user.id, c.user.id]);
  });

  it('starts a fresh call once the last one ended', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const first = await startCall(a, id);
    await act(b, first.call.id, 'decline');
    expect(await liveCall(a, id)).toBeNull();
    const next = await startCall(b, id);
    expect(next.status).toBe(201);
    expect(next.call.id).not.toBe(first.call.id);
  });

  it('settles a call that rang past its deadline as missed, and lets a new one start', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const { call } = await startCall(a, id);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(call.ringUntil!) + 1 });
    expect(await liveCall(b, id)).toBeNull();
    const { messages } = await fetchMessages(b, id);
    expect(messages.at(-1)?.system).toEqual({
      type: 'call',
      actorId: a.user.id,
      callId: call.id,
      kind: 'video',
      outcome: 'missed',
      durationMs: 0,
    });
    expect((await startCall(b, id)).status).toBe(201);
  });

  it('answers 404 to non-members and for unknown conversations', async () => {
    const [a, b, outsider] = await signUpUsers(3);
    const { id } = await startDirect(a, b);
    await startCall(a, id);
    for (const conversationId of [id, 'c_doesnotexist']) {
      await expectError(
        await startCallAs(outsider, conversationId, { kind: 'audio' }),
        404,
        'not_found',
      );
      const res = await GET(
        getRequest(`/conversations/${conversationId}/calls`, withCookie(outsider.cookie)),
        withParams({ id: conversationId }),
      );
      await expectError(res, 404, 'not_found');
    }
  });

  it.each([
    ['no kind', {}],
    ['an unknown kind', { kind: 'hologram' }],
  ])('answers 422 for %s', async (_label, body) => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const error = await expectError(await startCallAs(a, id, body), 422, 'validation_failed');
    expect(error.fields).toEqual({ kind: expect.any(String) });
  });

  it('answers 401 when signed out', async () => {
    const res = await POST(
      new Request('http://parley.test/api/v1/conversations/c_x/calls', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'audio' }),
      }),
      withParams({ id: 'c_x' }),
    );
    await expectError(res, 401, 'unauthorized');
  });

  it('answers 429 with Retry-After after 10 starts in a minute', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    for (let i = 0; i < 10; i++) await startCall(a, id);
    const res = await startCallAs(a, id, { kind: 'audio' });
    await expectError(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
  });
});

describe('GET /api/v1/conversations/:id/calls', () => {
  it('answers null when no call is live', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    expect(await liveCall(a, id)).toBeNull();
  });
});

describeJsonBodyErrors({
  method: 'POST',
  path: '/conversations/c_x/calls',
  handler: (req) => POST(req, withParams({ id: 'c_x' })),
  headers: async () => withCookie((await signUpUser()).cookie),
});
