import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { addMembers } from '@/lib/chat/conversations';
import { addMembersEndpoint } from '@/lib/chat/conversation-endpoints';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** Adds people to a group; any member may add. */
export const POST = handle(addMembersEndpoint, async ({ user, params, body }) =>
  json({ conversation: await addMembers(await getStore(), user, params.id, body.userIds) }),
);
