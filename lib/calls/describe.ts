import type { SystemEvent } from '@/lib/db/types';

type CallEvent = Extract<SystemEvent, { type: 'call' }>;

/** "0:42", "12:05", "1:02:03": a call's length as a clock. */
export function formatCallDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/**
 * The sentence a call's system message shows, e.g. "Ana started a video call · 3:05",
 * "Missed voice call from Ana", "Ana's video call was declined". `actor` is the caller's name.
 */
export function describeCall(
  event: Pick<CallEvent, 'kind' | 'outcome' | 'durationMs'>,
  actor: string,
) {
  const kind = event.kind === 'video' ? 'video call' : 'voice call';
  switch (event.outcome) {
    case 'completed':
      return `${actor} started a ${kind} · ${formatCallDuration(event.durationMs)}`;
    // The caller's own view reads "You": "Your video call was not answered", not "from You".
    case 'missed':
      return actor === 'You' ? `Your ${kind} was not answered` : `Missed ${kind} from ${actor}`;
    case 'declined':
      return actor === 'You' ? `Your ${kind} was declined` : `${actor}’s ${kind} was declined`;
  }
}
