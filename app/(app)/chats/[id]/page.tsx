import { notFound } from 'next/navigation';

import { ConversationView } from '@/components/chat/conversation-view';
import { getStore } from '@/lib/app-store';
import { requireUser } from '@/lib/auth/server/current-user';
import { getConversationView } from '@/lib/chat/server/conversations';
import { ApiError } from '@/lib/api/errors';

/** A conversation; anyone who is not a member sees the not-found page, as for a wrong id. */
export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/chats/${id}`);
  const conversation = await getConversationView(await getStore(), user, id).catch((error) => {
    if (error instanceof ApiError && error.code === 'not_found') notFound();
    throw error;
  });
  return <ConversationView key={id} initial={conversation} />;
}
