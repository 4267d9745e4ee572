/**
 * Helpers for the call route tests: start, act on and read calls through the route handlers,
 * parsed with the documented schemas.
 */
import { expect } from 'vitest';

import { GET as getRoute, POST as actionRoute } from '@/app/api/v1/calls/[id]/route';
import {
  GET as getLiveRoute,
  POST as startRoute,
} from '@/app/api/v1/conversations/[id]/calls/route';
import { callResponseSchema, liveCallResponseSchema, type CallWire } from '@/lib/calls/wire';
import { getRequest, jsonRequest, withCookie, withParams, type TestAccount } from '@/test/api';

export const startCallAs = (account: TestAccount, conversationId: string, body: unknown) =>
  startRoute(
    jsonRequest('POST', `/conversations/${conversationId}/calls`, body, withCookie(account.cookie)),
    withParams({ id: conversationId }),
  );

/** Starts a call that must succeed (201 new, 200 joined) and returns it with the status. */
export async function startCall(
  account: TestAccount,
  conversationId: string,
  kind: 'audio' | 'video' = 'video',
): Promise<{ call: CallWire; status: number }> {
  const res = await startCallAs(account, conversationId, { kind });
  expect([200, 201], 'the call is started or joined').toContain(res.status);
  return { call: callResponseSchema.parse(await res.json()).call, status: res.status };
}

export const actAs = (account: TestAccount, callId: string, body: unknown) =>
  actionRoute(
    jsonRequest('POST', `/calls/${callId}`, body, withCookie(account.cookie)),
    withParams({ id: callId }),
  );

/** POST /calls/:id {action} that must answer 200; returns the call. */
export async function act(
  account: TestAccount,
  callId: string,
  action: 'accept' | 'decline' | 'hangup',
): Promise<CallWire> {
  const res = await actAs(account, callId, { action });
  expect(res.status, `${action} succeeds`).toBe(200);
  return callResponseSchema.parse(await res.json()).call;
}

export const getCallAs = (account: TestAccount, callId: string) =>
  getRoute(getRequest(`/calls/${callId}`, withCookie(account.cookie)), withParams({ id: callId }));

export async function liveCall(
  account: TestAccount,
  conversationId: string,
): Promise<CallWire | null> {
  const res = await getLiveRoute(
    getRequest(`/conversations/${conversationId}/calls`, withCookie(account.cookie)),
    withParams({ id: conversationId }),
  );
  expect(res.status).toBe(200);
  return liveCallResponseSchema.parse(await res.json()).call;
}
