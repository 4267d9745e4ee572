import { describe, expect, it } from 'vitest';

import { POST as readRoute } from '@/app/api/v1/conversations/[id]/read/route';
import { conversationsResponseSchema, readResponseSchema } from '@/lib/chat/wire';
import {
  fetchConversation,
  fetchMessages,
  getRequest,
  jsonRequest,
  sendText,
  signUpUsers,
  startGroup,
  withCookie,
  withParams,
  type TestAccount,
} from '@/test/api';

import { GET as listRoute } from './route';

const listed = async (account: TestAccount, id: string) => {
  const res = await listRoute(getRequest('/conversations', withCookie(account.cookie)));
  expect(res.status).toBe(200);
  const { conversations } = conversationsResponseSchema.parse(await res.json());
  return conversations.find((c) => c.id === id)!;
};
const readAs = async (account: TestAccount, id: string, seq: number) => {
  const res = await readRoute(
    jsonRequest('POST', `/conversations/${id}/read`, { seq }, withCookie(account.cookie)),
    withParams({ id }),
  );
  expect(res.status).toBe(200);
  return readResponseSchema.parse(await res.json());
};

/**
 * Thread replies keep the conversation's seq, so `lastSeq − lastReadSeq` would count them; the
 * conversation's unread count (list, one conversation, the read answer) leaves out the ones kept
 * in their thread: they count in the Threads view.
 */
describe('unread counts and thread replies', () => {
  it('leaves replies kept in their thread out of the unread count and the preview', async () => {
    const [ana, ben, cy] = await signUpUsers(3);
    const group = await startGroup(ana, [ben, cy]);
    const root = await sendText(ana, group.id, 'Lunch plans?');
    const atRoot = await readAs(cy, group.id, root.seq);
    expect(atRoot.unreadCount).toBe(0);

    await sendText(ben, group.id, 'Pizza', { threadRootId: root.id });
    await sendText(ben, group.id, 'Or sushi', { threadRootId: root.id });
    expect(await listed(cy, group.id)).toMatchObject({ unreadCount: 0, lastReadSeq: root.seq });
    expect((await fetchConversation(cy, group.id)).lastMessage?.id).toBe(root.id);

    const shown = await sendText(ben, group.id, 'Decided: pizza', {
      threadRootId: root.id,
      alsoSendToConversation: true,
    });
    const main = await sendText(ana, group.id, 'See you at noon');
    await sendText(ben, group.id, 'Noted', { threadRootId: root.id });
    const conversation = await fetchConversation(cy, group.id);
    // Five seqs after Cy's position, two of them in the main timeline.
    expect(conversation.lastSeq - conversation.lastReadSeq).toBe(5);
    expect(conversation).toMatchObject({ unreadCount: 2, lastMessage: { id: main.id } });
    expect((await listed(cy, group.id)).unreadCount).toBe(2);
    // Reading up to the reply also sent here leaves the main message unread, not the replies.
    expect(await readAs(cy, group.id, shown.seq)).toMatchObject({ unreadCount: 1 });
    expect(await readAs(cy, group.id, main.seq)).toMatchObject({ unreadCount: 0 });
    // Resync by seq is unchanged: every reply is still in the conversation's pages.
    const { messages } = await fetchMessages(cy, group.id, `after=${root.seq}`);
    expect(messages).toHaveLength(5);
  });

  it('a reply kept in its thread does not mark the conversation read for its author', async () => {
    const [ana, ben] = await signUpUsers(2);
    const group = await startGroup(ana, [ben]);
    const root = await sendText(ana, group.id, 'Agenda');
    await sendText(ana, group.id, 'Item one');
    await sendText(ana, group.id, 'Item two');
    const before = await fetchConversation(ben, group.id);
    // The group's "created" entry and Ana's three messages.
    expect(before.unreadCount).toBe(4);

    await sendText(ben, group.id, 'On item one…', { threadRootId: root.id });
    // Ben's "New messages" divider and badge stay where they were: he has not read the timeline.
    expect(await fetchConversation(ben, group.id)).toMatchObject({
      lastReadSeq: before.lastReadSeq,
      unreadCount: 4,
    });
    // A reply also sent to the conversation reads the timeline up to it, like any message.
    const shown = await sendText(ben, group.id, 'Done', {
      threadRootId: root.id,
      alsoSendToConversation: true,
    });
    expect(await fetchConversation(ben, group.id)).toMatchObject({
      lastReadSeq: shown.seq,
      unreadCount: 0,
    });
  });
});
