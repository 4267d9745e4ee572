import { authedRoute } from '@/lib/api/authed-route';
import { idParamsSchema } from '@/lib/api/params';
import { json } from '@/lib/api/route';
import { deleteMessage, editMessage } from '@/lib/chat/messages';
import { editMessageSchema } from '@/lib/chat/schemas';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

const rateLimit = { name: 'messages:change', rule: { limit: 30, windowMs: 10_000 }, what: 'edits' };

/** Edits a message (its author only). */
export const PATCH = authedRoute(
  { params: idParamsSchema, body: editMessageSchema, rateLimit },
  async ({ user, params, body }) =>
    json({ message: await editMessage(await getStore(), user, params.id, body.body) }),
);

/** Deletes a message (its author only), leaving a tombstone in its place. */
export const DELETE = authedRoute(
  { params: idParamsSchema, rateLimit },
  async ({ user, params }) => {
    await deleteMessage(await getStore(), user, params.id);
    return json({ ok: true });
  },
);
