import { authedRoute } from '@/lib/api/authed-route';
import { json } from '@/lib/api/route';
import { getStore } from '@/lib/app-store';
import { createConversation, listConversationViews } from '@/lib/chat/conversations';
import { createConversationSchema } from '@/lib/chat/schemas';

export const runtime = 'nodejs';

/** The caller's conversations, most recent activity first, with unread counts. */
export const GET = authedRoute({}, async ({ user }) =>
  json({ conversations: await listConversationViews(await getStore(), user) }),
);

/** 201 with a new conversation; 200 with the existing one for a direct pair that already talks. */
export const POST = authedRoute(
  {
    body: createConversationSchema,
    rateLimit: {
      name: 'conversations:create',
      rule: { limit: 30, windowMs: 60_000 },
      what: 'new conversations',
    },
  },
  async ({ user, body }) => {
    const { conversation, created } = await createConversation(await getStore(), user, body);
    return json({ conversation }, created ? 201 : 200);
  },
);
