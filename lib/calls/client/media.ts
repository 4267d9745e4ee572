import 'client-only';

/**
 * Camera, microphone and screen for calls. Asking can fail (permission denied, no device, device
 * busy); a call then goes on with what is left: audio only, or listening only. The message says
 * which, so the screen is never blank and never silent about why.
 */

/** Small enough for a mesh of four: each person sends one stream to each other. */
const VIDEO: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  frameRate: { ideal: 24 },
};
const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true };

export type AcquiredMedia = {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
  /** Why something is missing, or null when everything asked for was granted. */
  notice: string | null;
};

function errorName(error: unknown): string {
  return error instanceof DOMException || error instanceof Error ? error.name : '';
}

/** "blocked" for a refused permission, "not found" without a device, else "unavailable". */
function why(error: unknown): string {
  const name = errorName(error);
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'blocked';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'not found';
  return 'unavailable';
}

async function ask(constraints: MediaStreamConstraints): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new DOMException('This page cannot use media devices.', 'SecurityError');
  return navigator.mediaDevices.getUserMedia(constraints);
}

const first = (stream: MediaStream, kind: 'audio' | 'video') =>
  (kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks())[0] ?? null;

/** The microphone (and camera, for a video call), falling back as far as listening only. */
export async function acquireMedia(kind: 'audio' | 'video'): Promise<AcquiredMedia> {
  const video = kind === 'video';
  try {
    const stream = await ask({ audio: AUDIO, video: video ? VIDEO : false });
    return { audio: first(stream, 'audio'), video: first(stream, 'video'), notice: null };
  } catch (error) {
    if (video) {
      try {
        const stream = await ask({ audio: AUDIO });
        return {
          audio: first(stream, 'audio'),
          video: null,
          notice: `Camera ${why(error)}: you are in the call with audio only.`,
        };
      } catch {
        // no microphone either: try the camera alone below
      }
      try {
        const stream = await ask({ video: VIDEO });
        return {
          audio: null,
          video: first(stream, 'video'),
          notice: `Microphone ${why(error)}: others can see you but not hear you.`,
        };
      } catch {
        // listen only
      }
    }
    return {
      audio: null,
      video: null,
      notice: `${video ? 'Camera and microphone' : 'Microphone'} ${why(error)}: you can listen, but others cannot ${video ? 'see or hear' : 'hear'} you. Allow access in your browser's site settings and join again.`,
    };
  }
}

/** One track from a chosen device (or the default one when `deviceId` is null). */
export async function deviceTrack(
  kind: 'audio' | 'video',
  deviceId: string | null,
): Promise<MediaStreamTrack> {
  const base = kind === 'audio' ? AUDIO : VIDEO;
  const constraints = deviceId ? { ...base, deviceId: { exact: deviceId } } : base;
  const stream = await ask(kind === 'audio' ? { audio: constraints } : { video: constraints });
  const track = first(stream, kind);
  if (!track) throw new DOMException('No track', 'NotFoundError');
  return track;
}

/** A screen, window or tab to share; null when the person cancels the picker. */
export async function screenTrack(): Promise<MediaStreamTrack | null> {
  if (!navigator.mediaDevices?.getDisplayMedia) throw new Error('Screen sharing is not supported.');
  try {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    return stream.getVideoTracks()[0] ?? null;
  } catch (error) {
    if (errorName(error) === 'NotAllowedError' || errorName(error) === 'AbortError') return null;
    throw error;
  }
}

/** What a failed device switch tells the person. */
export function mediaErrorMessage(what: 'Camera' | 'Microphone', error: unknown): string {
  return `${what} ${why(error)}.`;
}
