'use client';

import { useRouter } from 'next/navigation';
import { Search } from 'lucide-react';
import { lazy, Suspense, useEffect } from 'react';

import { useMe } from '@/components/me-context';
import { useOpenedOnce } from '@/components/ui/on-demand';
import { chatApi } from '@/lib/chat/client/api-client';
import { sortConversations, useConversationsStore } from '@/lib/chat/client/conversations-store';
import { useTimelineStore } from '@/lib/chat/client/timeline-store';
import { adjacentConversation } from '@/lib/chat/navigation';
import { useSearchUi } from '@/lib/search/client/search-store';
import { useDialogsStore } from '@/lib/ui/client/dialogs-store';

import type { SwitcherCommand } from './quick-switcher';

// Both dialogs are fetched when first opened (and prefetched once the page has settled, so
// Ctrl+K a moment later opens at once), not with every chat page.
const loadSwitcher = () => import('./quick-switcher');
const loadShortcuts = () => import('./shortcuts-dialog');
const QuickSwitcher = lazy(() => loadSwitcher().then((m) => ({ default: m.QuickSwitcher })));
const ShortcutsDialog = lazy(() => loadShortcuts().then((m) => ({ default: m.ShortcutsDialog })));
const PREFETCH_AFTER_MS = 4000;

/** Commands the quick switcher offers after the conversations and people it finds. */
const COMMANDS: readonly SwitcherCommand[] = [
  {
    id: 'search',
    label: 'Search messages…',
    icon: Search,
    run: () => useSearchUi.getState().openSearch(),
  },
];

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** A dialog, menu or sheet is open: Esc belongs to it. */
function layerOpen(): boolean {
  return !!document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]');
}

/** Marks the open conversation read up to its newest loaded message (Esc). */
function markOpenRead(meId: string) {
  const openId = useConversationsStore.getState().openId;
  if (!openId) return;
  const newest = useTimelineStore.getState().conversations[openId]?.messages.at(-1)?.seq ?? 0;
  const conversation = useConversationsStore.getState().byId[openId];
  if (!conversation || newest <= conversation.lastReadSeq) return;
  void chatApi
    .markRead(openId, newest)
    .then((r) =>
      useConversationsStore.getState().readMoved({
        conversationId: r.conversationId,
        userId: meId,
        lastReadSeq: r.lastReadSeq,
        meId,
      }),
    )
    .catch(() => {
      // Nothing to tell: the list marks it read again once the person reads to the end.
    });
}

/**
 * The chat's keyboard shortcuts (listed in the Keyboard shortcuts dialog): Ctrl/Cmd+K, "?" or
 * Ctrl+/, Alt+Up/Down, Alt+Shift+Up/Down and Esc.
 */
export function KeyboardShortcuts() {
  const router = useRouter();
  const me = useMe();
  const switcher = useDialogsStore((s) => s.switcher);
  const shortcuts = useDialogsStore((s) => s.shortcuts);
  const { setSwitcher, setShortcuts } = useDialogsStore.getState();
  const switcherMounted = useOpenedOnce(switcher);
  const shortcutsMounted = useOpenedOnce(shortcuts);

  useEffect(() => {
    const timer = setTimeout(() => {
      void loadSwitcher().catch(() => undefined);
    }, PREFETCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.isComposing) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        useDialogsStore.getState().setSwitcher(!useDialogsStore.getState().switcher);
        return;
      }
      if ((mod && e.key === '/') || (e.key === '?' && !mod && !typingInField(e.target))) {
        e.preventDefault();
        useDialogsStore.getState().setShortcuts(true);
        return;
      }
      if (e.altKey && !mod && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        if (layerOpen()) return;
        e.preventDefault();
        const { byId, openId } = useConversationsStore.getState();
        const next = adjacentConversation(
          sortConversations(byId),
          openId,
          e.key === 'ArrowUp' ? 'up' : 'down',
          { unreadOnly: e.shiftKey },
        );
        if (next) router.push(`/chats/${next}`);
        return;
      }
      if (e.key === 'Escape' && !e.defaultPrevented && !layerOpen()) markOpenRead(me.id);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [router, me.id]);

  return (
    <>
      {switcherMounted ? (
        <Suspense fallback={null}>
          <QuickSwitcher open={switcher} onOpenChange={setSwitcher} commands={COMMANDS} />
        </Suspense>
      ) : null}
      {shortcutsMounted ? (
        <Suspense fallback={null}>
          <ShortcutsDialog open={shortcuts} onOpenChange={setShortcuts} />
        </Suspense>
      ) : null}
    </>
  );
}
