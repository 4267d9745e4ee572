'use client';

import { useMe } from '@/components/me-context';
import { useRealtimeHost } from '@/components/realtime-provider';
import { useCallStore } from '@/lib/calls/client/call-store';

import { CallEndedNotice } from './call-ended-notice';
import { CallView } from './call-view';
import { IncomingCallDialog } from './incoming-call-dialog';

/** Mounted once by the app layout: incoming calls, the call on screen, and how it ended. */
export function CallRoot() {
  const me = useMe();
  const host = useRealtimeHost();
  const current = useCallStore((s) => s.current);
  return (
    <>
      {current && !current.ended ? <CallView call={current} meId={me.id} /> : null}
      {current?.ended ? <CallEndedNotice call={current} /> : null}
      <IncomingCallDialog ctx={{ host, meId: me.id }} />
    </>
  );
}
