import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { setConversationMuted } from '@/lib/chat/server/conversations';
import { getStore } from '@/lib/db';
import { updateMembershipEndpoint } from '@/lib/notifications/endpoints';

export const runtime = 'nodejs';

/** The caller's own settings for this conversation: `{muted}` silences its notifications. */
export const PATCH = handle(updateMembershipEndpoint, async ({ user, params, body }) =>
  json({
    conversation: await setConversationMuted(await getStore(), user, params.id, body.muted),
  }),
);

export * from '@/lib/openapi/methods-not-taken';
