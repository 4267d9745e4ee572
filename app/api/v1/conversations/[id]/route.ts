import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getConversationView, renameConversation } from '@/lib/chat/server/conversations';
import {
  getConversationEndpoint,
  renameConversationEndpoint,
} from '@/lib/chat/conversation-endpoints';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

export const GET = handle(getConversationEndpoint, async ({ user, params }) =>
  json({ conversation: await getConversationView(await getStore(), user, params.id) }),
);

/** Renames a group (owners and admins). */
export const PATCH = handle(renameConversationEndpoint, async ({ user, params, body }) =>
  json({ conversation: await renameConversation(await getStore(), user, params.id, body.name) }),
);

export * from '@/lib/openapi/methods-not-taken';
