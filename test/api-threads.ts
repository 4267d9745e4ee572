/** Thread route helpers for the /api/v1 route tests: a started thread, and its routes by account. */
import { expect } from 'vitest';

import {
  DELETE as unfollowRoute,
  PUT as followRoute,
} from '@/app/api/v1/messages/[id]/thread/follow/route';
import { POST as readRoute } from '@/app/api/v1/messages/[id]/thread/read/route';
import { GET as getThreadRoute } from '@/app/api/v1/messages/[id]/thread/route';
import { GET as listFollowed } from '@/app/api/v1/threads/route';
import { followedThreadsResponseSchema } from '@/lib/threads/schemas';

import {
  deleteRequest,
  getRequest,
  jsonRequest,
  putRequest,
  sendText,
  signUpUsers,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from './api';

/** Request headers that sign in as `account` (its session cookie). */
export const as = (account: TestAccount) => withCookie(account.cookie);
export const getThread = (account: TestAccount, rootId: string, query = '') =>
  getThreadRoute(
    getRequest(`/messages/${rootId}/thread${query}`, as(account)),
    withParams({ id: rootId }),
  );
export const readThread = (account: TestAccount, rootId: string, body: unknown) =>
  readRoute(
    jsonRequest('POST', `/messages/${rootId}/thread/read`, body, as(account)),
    withParams({ id: rootId }),
  );
export const follow = (account: TestAccount, rootId: string, on = true) =>
  (on ? followRoute : unfollowRoute)(
    on
      ? putRequest(`/messages/${rootId}/thread/follow`, as(account))
      : deleteRequest(`/messages/${rootId}/thread/follow`, as(account)),
    withParams({ id: rootId }),
  );
export const followed = async (account: TestAccount, query = '') => {
  const res = await listFollowed(getRequest(`/threads${query}`, as(account)));
  expect(res.status).toBe(200);
  return followedThreadsResponseSchema.parse(await res.json());
};

/** A group of three with a root message by `ana`. */
export async function started() {
  const [ana, ben, cy] = await signUpUsers(3);
  const group = await startGroup(ana, [ben, cy]);
  const root = await sendText(ana, group.id, 'Lunch plans?');
  return { ana, ben, cy, group, root };
}
