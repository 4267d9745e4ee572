import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { removeMember } from '@/lib/chat/server/conversations';
import { setMemberRole } from '@/lib/chat/server/member-role';
import { removeMemberEndpoint, setMemberRoleEndpoint } from '@/lib/chat/conversation-endpoints';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** Removes a member (owners and admins), or leaves when it is the caller. */
export const DELETE = handle(removeMemberEndpoint, async ({ user, params }) => {
  await removeMember(await getStore(), user, params.id, params.userId);
  return json({ ok: true });
});

/** Makes a member an admin or an admin a member (owners and admins; never the owner). */
export const PATCH = handle(setMemberRoleEndpoint, async ({ user, params, body }) =>
  json({
    conversation: await setMemberRole(await getStore(), user, params.id, params.userId, body.role),
  }),
);

export * from '@/lib/openapi/methods-not-taken';
