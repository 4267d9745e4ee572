import 'client-only';

import { create } from 'zustand';

import type { MessageWire } from '@/lib/chat/wire';

type ComposerState = {
  /** The message being replied to, per conversation. */
  replyTo: Record<string, MessageWire | undefined>;
  /** The message being edited in the composer, per conversation. */
  editing: Record<string, MessageWire | undefined>;
  setReplyTo: (conversationId: string, message: MessageWire | undefined) => void;
  setEditing: (conversationId: string, message: MessageWire | undefined) => void;
};

/** What the composer is doing besides writing a new message: replying or editing. */
export const useComposerStore = create<ComposerState>((set) => ({
  replyTo: {},
  editing: {},
  setReplyTo: (id, message) =>
    set((s) => ({
      replyTo: { ...s.replyTo, [id]: message },
      editing: { ...s.editing, [id]: undefined },
    })),
  setEditing: (id, message) =>
    set((s) => ({
      editing: { ...s.editing, [id]: message },
      replyTo: { ...s.replyTo, [id]: undefined },
    })),
}));
