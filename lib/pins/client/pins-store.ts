'use client';

import 'client-only';
import { create } from 'zustand';

import { callEndpoint } from '@/lib/api/client';

import {
  listPinsEndpoint,
  pinMessageEndpoint,
  setPinPolicyEndpoint,
  unpinMessageEndpoint,
} from '../endpoints';
import type { PinPolicyWire, PinsResponse } from '../schemas';

type PinsState = {
  byConversation: Record<string, PinsResponse | undefined>;
  set: (conversationId: string, pins: PinsResponse) => void;
};

/**
 * Each open conversation's pins, who may pin and whether I may: refetched when a `pin.changed`
 * frame arrives, and on `conversation.updated` (the group's policy or my role changed).
 */
export const usePinsStore = create<PinsState>()((set) => ({
  byConversation: {},
  set: (conversationId, pins) =>
    set((s) => ({ byConversation: { ...s.byConversation, [conversationId]: pins } })),
}));

export async function loadPins(conversationId: string): Promise<void> {
  const pins = await callEndpoint(listPinsEndpoint, { params: { id: conversationId } });
  usePinsStore.getState().set(conversationId, pins);
}

/** Pins or unpins, then reloads the list (the frame does the same for everyone else). */
export async function setPinned(
  conversationId: string,
  messageId: string,
  pinned: boolean,
): Promise<void> {
  await callEndpoint(pinned ? pinMessageEndpoint : unpinMessageEndpoint, {
    params: { id: messageId },
  });
  await loadPins(conversationId);
}

/** Who may pin in a group (its owner and admins only); the pins are loaded again with it. */
export async function setPinPolicy(conversationId: string, policy: PinPolicyWire): Promise<void> {
  await callEndpoint(setPinPolicyEndpoint, { params: { id: conversationId }, body: { policy } });
  await loadPins(conversationId);
}
