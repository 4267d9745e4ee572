'use client';

import 'client-only';
import { useCallStore } from '@/lib/calls/client/call-store';
import { useConversationsStore } from '@/lib/chat/client/conversations-store';
import { toast } from '@/lib/ui/client/toast-store';

import { callsApi } from './api';
import { unlockAudio } from './audio';
import { CallSession } from './session';
import type { CallWire } from '../wire';

/**
 * What the call buttons do: start, accept, decline, join, hang up, and the in-call controls.
 * One call per tab: the session lives here, and closes whenever the store says the call ended
 * (hung up here, `call.ended` from the server, refused by a full room…).
 */

export type CallContext = { host: string; meId: string };

let session: CallSession | null = null;
let ringTimer: ReturnType<typeof setTimeout> | undefined;
let watching = false;

const store = () => useCallStore.getState();
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function watch(): void {
  if (watching) return;
  watching = true;
  useCallStore.subscribe((state) => {
    const current = state.current;
    if (session && (current?.callId !== session.callId || current.ended)) {
      session.close();
      session = null;
    }
    if (!current?.ringing) clearTimeout(ringTimer);
  });
  // Closing or reloading the tab leaves the call (a 1:1 call ends for both).
  window.addEventListener('pagehide', () => {
    const current = store().current;
    if (current && !current.ended) callsApi.hangUpOnExit(current.callId);
  });
}

/** Stops the call this tab is in, if any, before another one begins. */
async function leaveCurrent(): Promise<void> {
  const current = store().current;
  if (current && !current.ended) await hangUp();
  store().clear();
}

async function enter(ctx: CallContext, call: CallWire): Promise<void> {
  const isCaller = call.startedBy === ctx.meId;
  const ringing = isCaller && call.state === 'ringing';
  const ringUntil = ringing && call.ringUntil ? Date.parse(call.ringUntil) : null;
  store().begin({
    callId: call.id,
    conversationId: call.conversationId,
    kind: call.kind,
    startedBy: call.startedBy,
    isCaller,
    ringing,
    ringUntil,
    joinedAt: ringing ? null : Date.now(),
  });
  const next = new CallSession(call.id, { host: ctx.host, meId: ctx.meId, kind: call.kind });
  session = next;
  // Nobody answered in time: the caller's tab gives up, which records a missed call.
  if (ringUntil !== null)
    ringTimer = setTimeout(() => void noAnswer(call.id), Math.max(0, ringUntil - Date.now()));
  try {
    await next.start();
  } catch (error) {
    store().end(call.id, 'error', `The call could not start: ${messageOf(error)}`);
  }
}

async function noAnswer(callId: string): Promise<void> {
  const current = store().current;
  if (current?.callId !== callId || !current.ringing || current.ended) return;
  store().end(callId, 'missed');
  await callsApi.act(callId, 'hangup').catch(() => {});
}

/** "Start voice call" / "Start video call" (joins the conversation's live call if there is one). */
export async function startCall(ctx: CallContext, conversationId: string, kind: CallWire['kind']) {
  unlockAudio();
  watch();
  const current = store().current;
  if (current && !current.ended) return;
  store().clear();
  try {
    await enter(ctx, await callsApi.start(conversationId, kind));
  } catch (error) {
    toast({ title: 'Could not start the call', description: messageOf(error), variant: 'error' });
  }
}

/** "Accept" in the incoming-call dialog, and "Join call" in a conversation header. */
export async function acceptCall(ctx: CallContext, callId: string) {
  unlockAudio();
  watch();
  store().dismissIncoming(callId);
  await leaveCurrent();
  try {
    await enter(ctx, await callsApi.act(callId, 'accept'));
  } catch (error) {
    toast({ title: 'Could not join the call', description: messageOf(error), variant: 'error' });
  }
}

export async function declineCall(callId: string) {
  store().dismissIncoming(callId);
  try {
    await callsApi.act(callId, 'decline');
  } catch (error) {
    toast({ title: 'Could not decline the call', description: messageOf(error), variant: 'error' });
  }
}

/** "Hang up": leaves (a 1:1 call ends for both; a group call goes on without this person). */
export async function hangUp() {
  const current = store().current;
  if (!current || current.ended) return;
  // A group call goes on without this person: say "left", not "ended".
  const group = useConversationsStore.getState().byId[current.conversationId]?.kind === 'group';
  if (current.ringing) store().end(current.callId, 'cancelled');
  else store().end(current.callId, 'completed', group ? 'You left the call' : undefined);
  await callsApi.act(current.callId, 'hangup').catch(() => {});
}

export const callControls = {
  setMuted: (muted: boolean) => session?.setMuted(muted),
  setCameraOff: (off: boolean) => void session?.setCameraOff(off),
  shareScreen: () => void session?.shareScreen(),
  stopSharing: () => void session?.stopSharing(),
  selectDevice: (kind: 'audio' | 'video', deviceId: string) =>
    void session?.selectDevice(kind, deviceId),
};
