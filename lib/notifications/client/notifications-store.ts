import 'client-only';

import { create } from 'zustand';

import type { NotificationWire } from '@/lib/notifications/wire';

type NotificationsState = {
  /** Newest first, without duplicates. */
  items: NotificationWire[];
  unreadCount: number;
  loaded: boolean;
  nextCursor: string | null;
  /** Do not disturb: no sounds (components/chat/message-sound.tsx). */
  doNotDisturb: boolean;
  setDoNotDisturb: (on: boolean) => void;
  /** A page from the API: the first replaces what we had, later ones append. */
  pageLoaded: (
    page: {
      notifications: NotificationWire[];
      unreadCount: number;
      nextCursor: string | null;
      doNotDisturb: boolean;
    },
    append: boolean,
  ) => void;
  /** A live `notification.created`. */
  added: (notification: NotificationWire, unreadCount: number) => void;
  /** Read here, in another tab, or by reading the conversation. */
  read: (ids: string[], unreadCount: number, at?: string) => void;
};

const byNewest = (a: NotificationWire, b: NotificationWire) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/** The bell's state, kept live by inbox events. */
export const useNotificationsStore = create<NotificationsState>((set) => ({
  items: [],
  unreadCount: 0,
  loaded: false,
  nextCursor: null,
  doNotDisturb: false,
  setDoNotDisturb: (doNotDisturb) => set({ doNotDisturb }),
  pageLoaded: (page, append) =>
    set((s) => {
      const kept = append ? s.items : [];
      const seen = new Set(kept.map((n) => n.id));
      return {
        items: [...kept, ...page.notifications.filter((n) => !seen.has(n.id))].sort(byNewest),
        unreadCount: page.unreadCount,
        nextCursor: page.nextCursor,
        doNotDisturb: page.doNotDisturb,
        loaded: true,
      };
    }),
  added: (notification, unreadCount) =>
    set((s) => ({
      items: [notification, ...s.items.filter((n) => n.id !== notification.id)].sort(byNewest),
      unreadCount,
    })),
  read: (ids, unreadCount, at = new Date().toISOString()) =>
    set((s) => {
      const wanted = new Set(ids);
      return {
        items: s.items.map((n) => (wanted.has(n.id) && !n.readAt ? { ...n, readAt: at } : n)),
        unreadCount,
      };
    }),
}));
