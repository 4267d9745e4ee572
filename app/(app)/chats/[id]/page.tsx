import { notFound } from 'next/navigation';

import { ConversationView } from '@/components/chat/conversation-view';
import { getStore } from '@/lib/app-store';
import { requireUser } from '@/lib/auth/server/current-user';
import { getConversationView } from '@/lib/chat/server/conversations';
import { ApiError } from '@/lib/api/errors';

/** A conversation; anyone who is not a member sees the not-found page, as for a wrong id. */
export default async function ConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ seq?: string | string[] }>;
}) {
  const { id } = await params;
  // Opening a search result (`?message=…&seq=…`) starts the view afresh around that message, even
  // from inside the same conversation: its list and loader begin in that place, not the latest.
  const { seq } = await searchParams;
  const at = typeof seq === 'string' ? seq : '';
  const user = await requireUser(`/chats/${id}`);
  const conversation = await getConversationView(await getStore(), user, id).catch((error) => {
    if (error instanceof ApiError && error.code === 'not_found') notFound();
    throw error;
  });
  return <ConversationView key={`${id}:${at}`} initial={conversation} />;
}
