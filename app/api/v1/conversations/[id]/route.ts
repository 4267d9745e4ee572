import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { getConversationView, renameConversation } from '@/lib/chat/conversations';
import { conversationParamsSchema, renameConversationSchema } from '@/lib/chat/schemas';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

export const GET = authedRoute({ params: conversationParamsSchema }, async ({ user, params }) =>
  json({ conversation: await getConversationView(await getStore(), user, params.id) }),
);

/** Renames a group (owners and admins). */
export const PATCH = authedRoute(
  { params: conversationParamsSchema, body: renameConversationSchema },
  async ({ user, params, body }) =>
    json({ conversation: await renameConversation(await getStore(), user, params.id, body.name) }),
);
