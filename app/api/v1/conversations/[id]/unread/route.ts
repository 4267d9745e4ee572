import { handle } from '@/lib/api/handle';
import { json } from '@/lib/api/route';
import { markUnreadEndpoint } from '@/lib/chat/conversation-endpoints';
import { markUnread } from '@/lib/chat/server/mark-unread';
import { getStore } from '@/lib/db';

export const runtime = 'nodejs';

/** Moves the caller's read position back to just before message `seq` ("Mark unread"). */
export const POST = handle(markUnreadEndpoint, async ({ user, params, body }) =>
  json({ conversation: await markUnread(await getStore(), user, params.id, body.seq) }),
);

export * from '@/lib/openapi/methods-not-taken';
