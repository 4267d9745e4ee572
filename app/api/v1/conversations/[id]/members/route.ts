import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/app-store';
import { addMembers } from '@/lib/chat/conversations';
import { addMembersSchema, conversationParamsSchema } from '@/lib/chat/schemas';

export const runtime = 'nodejs';

/** Adds people to a group; any member may add. */
export const POST = authedRoute(
  { params: conversationParamsSchema, body: addMembersSchema },
  async ({ user, params, body }) =>
    json({ conversation: await addMembers(await getStore(), user, params.id, body.userIds) }),
);
