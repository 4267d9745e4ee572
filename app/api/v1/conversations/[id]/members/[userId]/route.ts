import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { removeMember } from '@/lib/chat/conversations';
import { memberParamsSchema } from '@/lib/chat/schemas';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** Removes a member (owners and admins), or leaves when it is the caller. */
export const DELETE = authedRoute({ params: memberParamsSchema }, async ({ user, params }) => {
  await removeMember(await getStore(), user, params.id, params.userId);
  return json({ ok: true });
});
