import 'client-only';

/**
 * Web Audio for calls: one shared AudioContext for the speaking analysers, and the ring of an
 * incoming call made with oscillators (no sound file). Browsers keep a context suspended until
 * the page had a click or key press; then the ring stays silent and the analysers read nothing,
 * which is the right behaviour for a tab the person never touched. A muted tab stays silent too.
 */

let shared: AudioContext | null = null;

function create(): AudioContext | null {
  try {
    return typeof AudioContext === 'undefined' ? null : new AudioContext();
  } catch {
    return null;
  }
}

function resume(context: AudioContext): void {
  try {
    if (context.state === 'suspended') void context.resume().catch(() => {});
  } catch {
    // not allowed yet: stays silent
  }
}

/** The context analysers use. Call `unlockAudio()` from a click so it runs. */
export function audioContext(): AudioContext | null {
  shared ??= create();
  if (shared) resume(shared);
  return shared;
}

/** From a click or key press: lets the shared context run. */
export function unlockAudio(): void {
  audioContext();
}

/** Two-tone ring (400 + 450 Hz, two short bursts every 3 s). Returns the function that stops it. */
export function startRing(): () => void {
  const context = create();
  if (!context) return () => {};
  resume(context);
  const gain = context.createGain();
  gain.gain.value = 0;
  gain.connect(context.destination);
  const oscillators = [400, 450].map((frequency) => {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start();
    return oscillator;
  });
  const burst = (at: number) => {
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.08, at + 0.03);
    gain.gain.setValueAtTime(0.08, at + 0.37);
    gain.gain.linearRampToValueAtTime(0, at + 0.4);
  };
  const cycle = () => {
    const now = context.currentTime;
    burst(now + 0.05);
    burst(now + 0.65);
  };
  cycle();
  const timer = setInterval(cycle, 3000);
  return () => {
    clearInterval(timer);
    for (const oscillator of oscillators) {
      try {
        oscillator.stop();
      } catch {
        // already stopped
      }
    }
    void context.close().catch(() => {});
  };
}

/** How loud a stream's audio is now, 0…1 (RMS of the waveform). */
export function levelMeter(stream: MediaStream): { read: () => number; stop: () => void } | null {
  const context = audioContext();
  if (!context || stream.getAudioTracks().length === 0) return null;
  let source: MediaStreamAudioSourceNode;
  try {
    source = context.createMediaStreamSource(stream);
  } catch {
    return null;
  }
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const data = new Uint8Array(analyser.fftSize);
  return {
    read: () => {
      analyser.getByteTimeDomainData(data);
      let sum = 0;
      for (const value of data) {
        const centred = (value - 128) / 128;
        sum += centred * centred;
      }
      return Math.sqrt(sum / data.length);
    },
    stop: () => {
      source.disconnect();
      analyser.disconnect();
    },
  };
}
