'use client';

import { useEffect, useState } from 'react';

import { messageSoundOn, setMessageSound } from '@/lib/chat/client/message-sound';
import { unlockAudio } from '@/lib/calls/client/audio';

/** "Sound for new messages": this browser only (kept in localStorage). */
export function SoundSwitch() {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    const stored = messageSoundOn();
    // Read after mount: the server cannot know this browser's choice.
    queueMicrotask(() => setOn(stored));
  }, []);
  return (
    <label className="flex cursor-pointer items-start gap-2">
      <input
        type="checkbox"
        role="switch"
        checked={on ?? true}
        aria-checked={on ?? true}
        disabled={on === null}
        onChange={(e) => {
          setMessageSound(e.target.checked);
          setOn(e.target.checked);
          if (e.target.checked) unlockAudio();
        }}
        className="mt-1"
      />
      <span>
        <span className="block text-sm">Sound for new messages</span>
        <span className="block text-xs text-muted">
          A short, quiet chime when a message arrives in a conversation you are not looking at
          (never for muted ones). This browser only.
        </span>
      </span>
    </label>
  );
}
