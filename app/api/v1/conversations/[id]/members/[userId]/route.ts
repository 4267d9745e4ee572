import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { removeMember } from '@/lib/chat/server/conversations';
import { removeMemberEndpoint } from '@/lib/chat/conversation-endpoints';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** Removes a member (owners and admins), or leaves when it is the caller. */
export const DELETE = handle(removeMemberEndpoint, async ({ user, params }) => {
  await removeMember(await getStore(), user, params.id, params.userId);
  return json({ ok: true });
});
