import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/app-store';
import { createConversation, listConversationViews } from '@/lib/chat/server/conversations';
import {
  createConversationEndpoint,
  listConversationsEndpoint,
} from '@/lib/chat/conversation-endpoints';

export const runtime = 'nodejs';

/** The caller's conversations, most recent activity first, with unread counts. */
export const GET = handle(listConversationsEndpoint, async ({ user }) =>
  json({ conversations: await listConversationViews(await getStore(), user) }),
);

/** 201 with a new conversation; 200 with the existing one for a direct pair that already talks. */
export const POST = handle(createConversationEndpoint, async ({ user, body }) => {
  const { conversation, created } = await createConversation(await getStore(), user, body);
  return json({ conversation }, created ? 201 : 200);
});

export * from '@/lib/openapi/methods-not-taken';
