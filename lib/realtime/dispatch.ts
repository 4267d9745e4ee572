import { usePeopleStore } from '@/lib/stores/people-store';

import type { ServerFrame } from './protocol';

/** Applies one parsed server frame to the client stores. */
export function dispatchFrame(frame: ServerFrame): void {
  if (frame.type !== 'event') return;
  const { event } = frame;
  switch (event.type) {
    case 'user.updated':
      usePeopleStore.getState().upsert(event.user);
      return;
  }
}
