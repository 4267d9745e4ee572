import type { MessageWire } from '@/lib/chat/wire';

/**
 * A message as the API sends it, for browser-side unit tests: `m<seq>` in `c1` by `u-ana`, one
 * second per seq on 2026-12-06, in the main timeline; `over` changes any field.
 */
export function messageWire(seq: number, over: Partial<MessageWire> = {}): MessageWire {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    authorId: 'u-ana',
    kind: 'user',
    body: `message ${seq}`,
    clientId: null,
    replyToId: null,
    replyTo: null,
    attachments: [],
    mentions: [],
    reactions: [],
    system: null,
    threadRootId: null,
    alsoInConversation: false,
    thread: null,
    createdAt: `2026-12-06T10:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}
