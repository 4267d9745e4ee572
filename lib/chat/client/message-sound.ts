import 'client-only';

import { audioContext } from '@/lib/calls/client/audio';

/** The switch in Settings (this browser only): a sound for new messages, on unless turned off. */
export const MESSAGE_SOUND_KEY = 'parley:message-sound';

export function messageSoundOn(): boolean {
  try {
    return window.localStorage.getItem(MESSAGE_SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setMessageSound(on: boolean): void {
  try {
    window.localStorage.setItem(MESSAGE_SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // Storage blocked: the choice lasts until the tab closes (nothing to keep it in).
  }
}

/**
 * Whether a message that just arrived should sound: someone else's, in a conversation that is not
 * muted, and not the one the person is looking at (open in a visible tab).
 */
export function shouldSound(input: {
  authorId: string | null;
  meId: string;
  muted: boolean;
  conversationId: string;
  openId: string | null;
  tabVisible: boolean;
  system: boolean;
}): boolean {
  if (input.system || input.authorId === null || input.authorId === input.meId) return false;
  if (input.muted) return false;
  return !(input.tabVisible && input.openId === input.conversationId);
}

/**
 * A short, quiet two-note chime made with Web Audio (no sound file, like the call ring). Silent
 * until the page has had a click or key press, as browsers require.
 */
export function playMessageSound(): void {
  const context = audioContext();
  if (!context || context.state !== 'running') return;
  const gain = context.createGain();
  gain.connect(context.destination);
  const start = context.currentTime;
  gain.gain.setValueAtTime(0, start);
  for (const [i, frequency] of [880, 1175].entries()) {
    const at = start + i * 0.09;
    const oscillator = context.createOscillator();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    gain.gain.linearRampToValueAtTime(0.05, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.12);
    oscillator.start(at);
    oscillator.stop(at + 0.13);
  }
}
