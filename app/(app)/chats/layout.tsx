import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { ChatShell } from '@/components/chat/chat-shell';

export const metadata: Metadata = { title: 'Chats' };

export default function ChatsLayout({ children }: { children: ReactNode }) {
  return <ChatShell>{children}</ChatShell>;
}
