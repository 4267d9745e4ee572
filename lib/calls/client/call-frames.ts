import 'client-only';

import type { ServerFrame } from '@/lib/realtime/protocol';

import { useCallStore } from './call-store';
import type { SignalData } from '../perfect-negotiation';

const store = () => useCallStore.getState();
/** How long the call room's `call_ended` waits for the inbox's call.ended to say how it ended. */
const CALL_ENDED_GRACE_MS = 2000;

/** What a frame from the call room can do to this tab's side of the call (session.ts). */
export type CallFrameTarget = {
  callId: string;
  linkedPeers: () => string[];
  /** Someone is in: the call was answered. */
  answered: () => void;
  dropPeer: (userId: string) => void;
  /** A fresh link to this peer, this side offering. */
  offerTo: (userId: string) => void;
  receiveSignal: (from: string, data: SignalData) => void;
  leaveRoom: () => void;
};

/** Applies one frame from the call room: who is in, their media, signalling, refusals. */
export function applyCallFrame(frame: ServerFrame, call: CallFrameTarget): void {
  switch (frame.type) {
    case 'call.state': {
      // (Re)connected: the others were told we joined and drop their old links to us, so
      // every link starts afresh, and we offer.
      if (frame.participants.length > 0) call.answered();
      const present = new Set(frame.participants.map((p) => p.userId));
      for (const userId of call.linkedPeers()) if (!present.has(userId)) call.dropPeer(userId);
      for (const { userId, media } of frame.participants) {
        call.dropPeer(userId);
        store().setPeer(userId, { media });
        call.offerTo(userId);
      }
      return;
    }
    case 'call.joined':
      // Someone is here: the call was answered (even if the inbox event is late).
      call.answered();
      // They (re)joined: they will offer; an old link to them is dead.
      call.dropPeer(frame.userId);
      store().setPeer(frame.userId, { media: frame.media });
      return;
    case 'call.left':
      call.dropPeer(frame.userId);
      return;
    case 'call.media':
      store().setPeer(frame.userId, { media: frame.media });
      return;
    case 'signal':
      call.receiveSignal(frame.from, frame.data);
      return;
    case 'error':
      if (frame.code === 'call_full' || frame.code === 'replaced') {
        // The room closes this socket next; reconnecting would only be refused again.
        call.leaveRoom();
        store().end(call.callId, frame.code === 'call_full' ? 'full' : 'replaced');
      } else if (frame.code === 'call_ended') {
        call.leaveRoom();
        // The inbox's call.ended says how it ended (missed, declined...) and usually comes
        // first; this only ends a call whose event was lost, as completed.
        setTimeout(() => store().end(call.callId, 'completed'), CALL_ENDED_GRACE_MS);
      } else if (frame.code !== 'peer_unavailable') {
        console.warn('call room:', frame.code, frame.message);
      }
      return;
    default:
      return;
  }
}
