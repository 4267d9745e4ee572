import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/app-store';
import { listMessages, sendMessage } from '@/lib/chat/server/messages';
import { listMessagesEndpoint, sendMessageEndpoint } from '@/lib/chat/message-endpoints';

export const runtime = 'nodejs';

/** A page of history, ascending by seq: `before` scrolls back, `after` catches up. */
export const GET = handle(listMessagesEndpoint, async ({ user, params, query }) =>
  json(await listMessages(await getStore(), user, { conversationId: params.id, ...query })),
);

/** 201 with the new message; 200 with the stored one when the clientId was already sent. */
export const POST = handle(sendMessageEndpoint, async ({ user, params, body }) => {
  const { message, created } = await sendMessage(await getStore(), user, params.id, body);
  return json({ message }, created ? 201 : 200);
});

export * from '@/lib/openapi/methods-not-taken';
