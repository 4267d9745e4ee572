export default function ChatsHome() {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-2 p-6 text-center text-muted">
      <p className="text-lg text-fg">Pick a conversation</p>
      <p>Or start one with “New message”.</p>
    </div>
  );
}
