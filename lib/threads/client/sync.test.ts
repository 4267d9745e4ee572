import { afterEach, describe, expect, it, vi } from 'vitest';

import { messageWire } from '@/test/message-wire';

import { sendReply } from './sync';
import { useThreadsStore } from './threads-store';

const stored = messageWire(4, {
  id: 'm_answer',
  conversationId: 'c_1',
  authorId: 'u_me',
  body: 'That one',
  replyToId: 'm_first',
  replyTo: { id: 'm_first', authorId: 'u_ben', body: 'Pizza', deleted: false },
  threadRootId: 'm_root',
});

afterEach(() => {
  vi.unstubAllGlobals();
  useThreadsStore.getState().reset();
});

describe('sendReply', () => {
  it('sends the quoted message of the thread with the reply, and keeps the quote it gets back', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ message: stored }), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    useThreadsStore.getState().open('c_1', 'm_root');
    await sendReply({
      conversationId: 'c_1',
      rootId: 'm_root',
      meId: 'u_me',
      body: 'That one',
      replyToId: 'm_first',
      alsoSendToConversation: false,
      attachments: [],
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/conversations/c_1/messages');
    expect(JSON.parse(init.body as string)).toMatchObject({
      body: 'That one',
      threadRootId: 'm_root',
      replyToId: 'm_first',
    });
    const thread = useThreadsStore.getState().threads.m_root!;
    expect(thread.pending).toEqual([]);
    expect(thread.replies.map((m) => m.replyTo?.id)).toEqual(['m_first']);
  });
});
