'use client';

import { useEffect } from 'react';

import { useMe } from '@/components/me-context';
import { unlockAudio } from '@/lib/calls/client/audio';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { messageSoundOn, playMessageSound, shouldSound } from '@/lib/chat/client/message-sound';
import { useNotificationsStore } from '@/lib/notifications/client/notifications-store';

/** Plays the new-message chime (lib/chat/client/message-sound.ts) as inbox messages arrive. */
export function MessageSound() {
  const me = useMe();
  // Browsers start an AudioContext only after a click or key press, and it starts a moment after
  // it is asked: made on the first message, that message would be silent. So it is made now if
  // the page has had a press already (coming back from Settings), else on the first press.
  useEffect(() => {
    const unlock = () => {
      if (messageSoundOn()) unlockAudio();
    };
    if (navigator.userActivation?.hasBeenActive) unlock();
    const options = { once: true, capture: true } as const;
    window.addEventListener('pointerdown', unlock, options);
    window.addEventListener('keydown', unlock, options);
    return () => {
      window.removeEventListener('pointerdown', unlock, options);
      window.removeEventListener('keydown', unlock, options);
    };
  }, []);
  useEffect(
    () =>
      useConversationsStore.subscribe((s, prev) => {
        // Do not disturb (Settings) silences it too: it comes with the bell's list, loaded on every
        // (re)connect, and Settings sets it here when changed in this tab.
        const quiet = useNotificationsStore.getState().doNotDisturb;
        if (!prev.loaded || quiet || !messageSoundOn()) return;
        for (const c of Object.values(s.byId)) {
          const before = prev.byId[c.id];
          const message = c.lastMessage;
          if (!before || !message || message.seq <= before.lastSeq) continue;
          const sound = shouldSound({
            authorId: message.authorId,
            meId: me.id,
            muted: c.muted,
            conversationId: c.id,
            openId: s.openId,
            tabVisible: document.visibilityState === 'visible',
            system: message.kind === 'system',
          });
          if (!sound) continue;
          try {
            playMessageSound();
          } catch {
            // A sound is decoration: a failing audio stack must never stop the message showing
            // (this runs inside the store update that shows it).
          }
          return;
        }
      }),
    [me.id],
  );
  return null;
}
