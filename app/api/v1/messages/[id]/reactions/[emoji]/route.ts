import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { setReaction } from '@/lib/chat/messages';
import { reactionParamsSchema } from '@/lib/chat/schemas';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

const rateLimit = {
  name: 'messages:react',
  rule: { limit: 60, windowMs: 10_000 },
  what: 'reactions',
};

/** Adds the caller's reaction (idempotent). The emoji is URL-encoded in the path. */
export const PUT = authedRoute(
  { params: reactionParamsSchema, rateLimit },
  async ({ user, params }) =>
    json({
      message: await setReaction(await getStore(), user, {
        messageId: params.id,
        emoji: params.emoji,
        present: true,
      }),
    }),
);

export const DELETE = authedRoute(
  { params: reactionParamsSchema, rateLimit },
  async ({ user, params }) =>
    json({
      message: await setReaction(await getStore(), user, {
        messageId: params.id,
        emoji: params.emoji,
        present: false,
      }),
    }),
);
