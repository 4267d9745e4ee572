import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { setReaction } from '@/lib/chat/server/reactions';
import { addReactionEndpoint, removeReactionEndpoint } from '@/lib/chat/message-endpoints';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** Adds the caller's reaction (idempotent). The emoji is URL-encoded in the path. */
export const PUT = handle(addReactionEndpoint, async ({ user, params }) =>
  json({
    message: await setReaction(await getStore(), user, {
      messageId: params.id,
      emoji: params.emoji,
      present: true,
    }),
  }),
);

export const DELETE = handle(removeReactionEndpoint, async ({ user, params }) =>
  json({
    message: await setReaction(await getStore(), user, {
      messageId: params.id,
      emoji: params.emoji,
      present: false,
    }),
  }),
);

export * from '@/lib/openapi/methods-not-taken';
