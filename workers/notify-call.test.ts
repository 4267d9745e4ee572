import { describe, expect, it } from 'vitest';

import { GET as listNotifications } from '@/app/api/v1/notifications/route';
import { act, startCall } from '@/test/calls';
import { notificationsResponseSchema } from '@/lib/notifications/wire';
import {
  getRequest,
  signUpUsers,
  startDirect,
  startGroup,
  withCookie,
  type TestAccount,
} from '@/test/api';
import { queuedJobs, runQueued } from '@/test/jobs';

import { notifyCall } from './notify-call';

const notificationsOf = async (account: TestAccount) =>
  notificationsResponseSchema.parse(
    await (
      await listNotifications(getRequest('/notifications', withCookie(account.cookie)))
    ).json(),
  ).notifications;

describe('notify-call (missed calls)', () => {
  it('a call the caller gives up on is queued once and tells only who neither joined nor declined', async () => {
    const [a, b, c] = await signUpUsers(3);
    const group = await startGroup(a, [b, c], 'Standup');
    const { call } = await startCall(a, group.id, 'audio');
    await act(b, call.id, 'decline');
    await act(a, call.id, 'hangup');
    expect(await queuedJobs('notify-call', (p) => p.callId === call.id)).toHaveLength(1);

    await runQueued(notifyCall, { key: 'callId', values: [call.id] });
    await runQueued(notifyCall, { key: 'callId', values: [call.id] });
    const forC = await notificationsOf(c);
    expect(forC).toHaveLength(1);
    expect(forC[0]).toMatchObject({
      kind: 'missed_call',
      callId: call.id,
      messageId: null,
      conversationName: 'Standup',
      actor: { id: a.user.id },
      preview: 'Missed voice call',
    });
    expect(await notificationsOf(b)).toHaveLength(0);
    expect(await notificationsOf(a)).toHaveLength(0);
  });

  it('queues nothing for an answered call', async () => {
    const [a, b] = await signUpUsers(2);
    const { id } = await startDirect(a, b);
    const { call } = await startCall(a, id, 'video');
    await act(b, call.id, 'accept');
    await act(a, call.id, 'hangup');
    expect(await queuedJobs('notify-call', (p) => p.callId === call.id)).toHaveLength(0);
  });
});
