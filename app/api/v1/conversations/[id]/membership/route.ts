import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { setConversationMuted } from '@/lib/chat/conversations';
import { conversationParamsSchema } from '@/lib/chat/schemas';
import { getStore } from '@/lib/db';
import { updateMembershipSchema } from '@/lib/notifications/schemas';

export const runtime = 'nodejs';

/** The caller's own settings for this conversation: `{muted}` silences its notifications. */
export const PATCH = authedRoute(
  {
    params: conversationParamsSchema,
    body: updateMembershipSchema,
    rateLimit: {
      name: 'conversations:membership',
      rule: { limit: 60, windowMs: 60_000 },
      what: 'conversation setting changes',
    },
  },
  async ({ user, params, body }) =>
    json({
      conversation: await setConversationMuted(await getStore(), user, params.id, body.muted),
    }),
);
