import 'client-only';

import { create } from 'zustand';

import type { CallWire } from '@/lib/calls/wire';
import type { MediaState, RoomEvent } from '@/lib/realtime/protocol';

export type CallKind = CallWire['kind'];
type CallEvent = Extract<RoomEvent, { type: 'call.ringing' | 'call.updated' | 'call.ended' }>;

/** A call ringing for this person (someone else started it). Times are epoch ms. */
export type IncomingCall = {
  callId: string;
  conversationId: string;
  kind: CallKind;
  callerId: string;
  ringUntil: number;
};

/** A conversation's ringing or active call, for the header's "Join call". */
export type LiveCall = {
  callId: string;
  state: 'ringing' | 'active';
  startedBy: string | null;
  kind: CallKind | null;
  participants: string[];
};

/** Why this tab's call ended: the outcome from the server, or something only this tab knows. */
export type CallEndReason =
  'completed' | 'missed' | 'declined' | 'cancelled' | 'full' | 'replaced' | 'error';

/** The call this tab is in (or just left: `ended` set, shown until dismissed). */
export type CurrentCall = {
  callId: string;
  conversationId: string;
  kind: CallKind;
  startedBy: string;
  /** This person started the call. */
  isCaller: boolean;
  /** The caller waits for an answer (until `ringUntil`). */
  ringing: boolean;
  ringUntil: number | null;
  /** When this tab saw the call answered or joined it: the in-call clock counts from here. */
  joinedAt: number | null;
  socket: 'connecting' | 'open' | 'reconnecting';
  /** Why the camera or microphone is not used (permission denied…), shown in the call. */
  notice: string | null;
  ended: { reason: CallEndReason; message: string } | null;
};

export type LocalMedia = {
  /** What this tab sends (microphone + camera or screen); for the own tile. */
  stream: MediaStream | null;
  hasMic: boolean;
  muted: boolean;
  cameraOff: boolean;
  screenSharing: boolean;
  micId: string | null;
  cameraId: string | null;
};

export type PeerView = {
  userId: string;
  /** RTCPeerConnection.connectionState, or 'new' before the peer connection exists. */
  state: string;
  iceState: string;
  stream: MediaStream | null;
  /** Bumped when a track is added to `stream` (so analysers and video elements refresh). */
  version: number;
  media: MediaState;
};

const QUIET: MediaState = { muted: false, cameraOff: false, screenSharing: false, speaking: false };
const NO_LOCAL: LocalMedia = {
  stream: null,
  hasMic: false,
  muted: false,
  cameraOff: true,
  screenSharing: false,
  micId: null,
  cameraId: null,
};

type CallStoreState = {
  incoming: Record<string, IncomingCall>;
  live: Record<string, LiveCall>;
  current: CurrentCall | null;
  local: LocalMedia;
  peers: Record<string, PeerView>;
  /** Applies an inbox event (`call.ringing`, `call.updated`, `call.ended`). */
  applyEvent: (event: CallEvent, meId: string) => void;
  /** The conversation's live call as `GET …/calls` reported it. */
  setLive: (conversationId: string, call: CallWire | null) => void;
  dismissIncoming: (callId: string) => void;
  begin: (call: Omit<CurrentCall, 'socket' | 'notice' | 'ended'>) => void;
  patchCurrent: (callId: string, patch: Partial<CurrentCall>) => void;
  /** Ends this tab's call (once; later reasons are ignored). */
  end: (callId: string, reason: CallEndReason, message?: string) => void;
  /** Forgets an ended call (its notice closes). */
  clear: () => void;
  setLocal: (patch: Partial<LocalMedia>) => void;
  setPeer: (userId: string, patch: Partial<Omit<PeerView, 'userId'>>) => void;
  removePeer: (userId: string) => void;
};

export function endMessage(reason: CallEndReason, caller: boolean): string {
  switch (reason) {
    case 'completed':
      return 'Call ended';
    case 'missed':
      return caller ? 'No answer' : 'Missed call';
    case 'declined':
      return 'Declined';
    case 'cancelled':
      return 'Call cancelled';
    case 'full':
      return 'Calls hold up to 4 people, and this one is full.';
    case 'replaced':
      return 'You joined this call from another tab or device.';
    case 'error':
      return 'The call could not continue.';
  }
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _gone, ...rest } = record;
  return rest;
}

/** Calls as this tab knows them: ringing ones, live ones per conversation, and its own. */
export const useCallStore = create<CallStoreState>((set, get) => ({
  incoming: {},
  live: {},
  current: null,
  local: NO_LOCAL,
  peers: {},

  applyEvent: (event, meId) => {
    const { current } = get();
    const mine = current?.callId === event.callId;
    switch (event.type) {
      case 'call.ringing':
        set((s) => ({
          live: {
            ...s.live,
            [event.conversationId]: {
              callId: event.callId,
              state: 'ringing',
              startedBy: event.callerId,
              kind: event.kind,
              participants: [event.callerId],
            },
          },
          incoming:
            event.callerId === meId || mine
              ? s.incoming
              : {
                  ...s.incoming,
                  [event.callId]: {
                    callId: event.callId,
                    conversationId: event.conversationId,
                    kind: event.kind,
                    callerId: event.callerId,
                    ringUntil: Date.parse(event.ringUntil),
                  },
                },
        }));
        return;
      case 'call.updated': {
        if (event.state === 'ended') return;
        const state = event.state;
        // Answered or declined in another of this person's tabs: stop ringing here too.
        const settled = event.participants.includes(meId) || event.declinedBy.includes(meId);
        set((s) => {
          const before = s.live[event.conversationId];
          const same = before?.callId === event.callId;
          return {
            live: {
              ...s.live,
              [event.conversationId]: {
                callId: event.callId,
                state,
                startedBy: same ? before.startedBy : (event.participants[0] ?? null),
                kind: same ? before.kind : null,
                participants: event.participants,
              },
            },
            incoming: settled && !mine ? withoutKey(s.incoming, event.callId) : s.incoming,
            current:
              mine && s.current && s.current.ringing && state === 'active'
                ? { ...s.current, ringing: false, ringUntil: null, joinedAt: Date.now() }
                : s.current,
          };
        });
        return;
      }
      case 'call.ended':
        set((s) => ({
          live:
            s.live[event.conversationId]?.callId === event.callId
              ? withoutKey(s.live, event.conversationId)
              : s.live,
          incoming: withoutKey(s.incoming, event.callId),
        }));
        if (mine) get().end(event.callId, event.outcome);
        return;
    }
  },

  setLive: (conversationId, call) =>
    set((s) => {
      if (!call || call.state === 'ended') return { live: withoutKey(s.live, conversationId) };
      return {
        live: {
          ...s.live,
          [conversationId]: {
            callId: call.id,
            state: call.state,
            startedBy: call.startedBy,
            kind: call.kind,
            participants: call.participants,
          },
        },
      };
    }),

  dismissIncoming: (callId) => set((s) => ({ incoming: withoutKey(s.incoming, callId) })),

  begin: (call) =>
    set((s) => ({
      current: { ...call, socket: 'connecting', notice: null, ended: null },
      incoming: withoutKey(s.incoming, call.callId),
      local: NO_LOCAL,
      peers: {},
    })),

  patchCurrent: (callId, patch) =>
    set((s) =>
      s.current?.callId === callId && !s.current.ended
        ? { current: { ...s.current, ...patch } }
        : s,
    ),

  end: (callId, reason, message) =>
    set((s) => {
      const current = s.current;
      if (current?.callId !== callId || current.ended) return s;
      return {
        current: {
          ...current,
          ringing: false,
          ended: { reason, message: message ?? endMessage(reason, current.isCaller) },
        },
        local: NO_LOCAL,
        peers: {},
      };
    }),

  clear: () => set((s) => (s.current?.ended ? { current: null } : s)),

  setLocal: (patch) => set((s) => ({ local: { ...s.local, ...patch } })),

  setPeer: (userId, patch) =>
    set((s) => {
      const before = s.peers[userId] ?? {
        userId,
        state: 'new',
        iceState: 'new',
        stream: null,
        version: 0,
        media: QUIET,
      };
      return { peers: { ...s.peers, [userId]: { ...before, ...patch } } };
    }),

  removePeer: (userId) => set((s) => ({ peers: withoutKey(s.peers, userId) })),
}));
