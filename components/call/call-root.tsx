'use client';

import dynamic from 'next/dynamic';
import { useEffect } from 'react';

import { useMe } from '@/components/me-context';
import { useRealtimeHost } from '@/components/realtime-provider';
import { useCallStore } from '@/lib/calls/client/call-store';

// The call screen and the ringing dialog load when a call starts or rings, not with every page:
// they are most of the calling code and most visits have no call.
const CallView = dynamic(() => import('./call-view').then((m) => m.CallView), { ssr: false });
const IncomingCallDialog = dynamic(
  () => import('./incoming-call-dialog').then((m) => m.IncomingCallDialog),
  { ssr: false },
);
const CallEndedNotice = dynamic(
  () => import('./call-ended-notice').then((m) => m.CallEndedNotice),
  { ssr: false },
);

/** Mounted once by the app layout: incoming calls, the call on screen, and how it ended. */
export function CallRoot() {
  const me = useMe();
  const host = useRealtimeHost();
  const current = useCallStore((s) => s.current);
  const ringing = useCallStore((s) => Object.keys(s.incoming).length > 0);
  // Fetched once the page has settled, so a ring a minute later shows at once (a ring lasts
  // seconds; the chunk must not be loading then) while the first load stays small.
  useEffect(() => {
    const timer = setTimeout(() => {
      void import('./incoming-call-dialog');
      void import('./call-view');
    }, 4000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <>
      {current && !current.ended ? <CallView call={current} meId={me.id} /> : null}
      {current?.ended ? <CallEndedNotice call={current} /> : null}
      {ringing ? <IncomingCallDialog ctx={{ host, meId: me.id }} /> : null}
    </>
  );
}
