import 'client-only';

import { MailOpen } from 'lucide-react';

import type { MessageWire } from '@/lib/chat/wire';

import type { MessageAction } from './message-actions';

/**
 * "Mark unread", for the message menu and sheet (an `extra` of messageActions). What it does
 * (mark-unread-run.ts) loads when first chosen, not with every chat page.
 */
export function markUnreadAction(message: MessageWire): MessageAction {
  return {
    id: 'mark-unread',
    label: 'Mark unread',
    icon: MailOpen,
    run: () => void import('./mark-unread-run').then((m) => m.markUnread(message)),
  };
}
