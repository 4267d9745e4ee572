import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { deleteMessage, editMessage } from '@/lib/chat/server/messages';
import { deleteMessageEndpoint, editMessageEndpoint } from '@/lib/chat/message-endpoints';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** Edits a message (its author only). */
export const PATCH = handle(editMessageEndpoint, async ({ user, params, body }) =>
  json({ message: await editMessage(await getStore(), user, params.id, body.body) }),
);

/** Deletes a message (its author only), leaving a tombstone in its place. */
export const DELETE = handle(deleteMessageEndpoint, async ({ user, params }) => {
  await deleteMessage(await getStore(), user, params.id);
  return json({ ok: true });
});

export * from '@/lib/openapi/methods-not-taken';
