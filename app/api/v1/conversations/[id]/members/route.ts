import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/app-store';
import { addMembers } from '@/lib/chat/server/conversations';
import { addMembersEndpoint } from '@/lib/chat/conversation-endpoints';

export const runtime = 'nodejs';

/** Adds people to a group; any member may add. */
export const POST = handle(addMembersEndpoint, async ({ user, params, body }) =>
  json({ conversation: await addMembers(await getStore(), user, params.id, body.userIds) }),
);

export * from '@/lib/openapi/methods-not-taken';
