import Link from 'next/link';

export default function ConversationNotFound() {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-2 p-6 text-center">
      <h1 className="text-xl font-semibold">Conversation not found</h1>
      <p className="text-muted">It does not exist, or you are not a member of it.</p>
      <Link href="/chats" className="text-accent underline">
        Back to your conversations
      </Link>
    </div>
  );
}
