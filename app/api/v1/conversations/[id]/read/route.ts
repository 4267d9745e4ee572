import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { markRead } from '@/lib/chat/messages';
import { conversationParamsSchema, readSchema } from '@/lib/chat/schemas';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** Moves the caller's read position forward to `seq` (never back). */
export const POST = authedRoute(
  {
    params: conversationParamsSchema,
    body: readSchema,
    rateLimit: {
      name: 'conversations:read',
      rule: { limit: 120, windowMs: 60_000 },
      what: 'read updates',
    },
  },
  async ({ user, params, body }) =>
    json(await markRead(await getStore(), user, params.id, body.seq)),
);
