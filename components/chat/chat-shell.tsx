'use client';

import { useSelectedLayoutSegment } from 'next/navigation';
import type { ReactNode } from 'react';

import { KeyboardShortcuts } from '@/components/keyboard/keyboard-shortcuts';
import { cn } from '@/components/ui/cn';
import { useConversationsLoader } from '@/lib/chat/client/use-conversations';

import { MessageSound } from './message-sound';
import { Sidebar } from './sidebar';

/**
 * Two panes on wide screens. At phone width the list and the conversation are separate screens:
 * the list shows at /chats, the conversation (with a back button) at /chats/<id>.
 */
export function ChatShell({ children }: { children: ReactNode }) {
  useConversationsLoader();
  const open = useSelectedLayoutSegment() !== null;
  return (
    <div className="flex h-full min-h-0">
      <MessageSound />
      <div
        className={cn(
          'h-full w-full shrink-0 border-r border-border md:flex md:w-80',
          open ? 'hidden' : 'flex',
        )}
      >
        <Sidebar />
      </div>
      <main className={cn('h-full min-w-0 flex-1 md:block', open ? 'block' : 'hidden')}>
        {children}
      </main>
      <KeyboardShortcuts />
    </div>
  );
}
