import { ThreadsView } from '@/components/threads/threads-view';
import { requireUser } from '@/lib/auth/server/current-user';

/** The Threads view: followed threads, unread first. */
export default async function ThreadsPage() {
  await requireUser('/chats/threads');
  return <ThreadsView />;
}
