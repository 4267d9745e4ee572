import 'client-only';

/**
 * Web push in the browser: register public/sw.js, subscribe with the server's VAPID key and save
 * the subscription, or undo both. Used by the settings switch (components/settings/push-switch.tsx).
 */
import { ApiClientError, callEndpoint } from '@/lib/api/client';

import {
  createPushSubscriptionEndpoint,
  deletePushSubscriptionEndpoint,
  getPushPublicKeyEndpoint,
  listPushSubscriptionsEndpoint,
} from '../endpoints';
import type { PushSubscriptionBody } from '../schemas';

export const SERVICE_WORKER_URL = '/sw.js';

export const BLOCKED_MESSAGE =
  "Notifications are blocked for this site. Allow them in your browser's site settings, then try again.";
export const UNSUPPORTED_MESSAGE =
  "This browser can't show push notifications. Try a recent Chrome, Edge, Firefox or Safari (on iPhone, add Parley to the home screen first).";
export const DISMISSED_MESSAGE =
  'Notifications were not allowed. Turn the switch on again and choose Allow when your browser asks.';
export const PUSH_SERVICE_MESSAGE =
  "Could not reach your browser's push service, so push notifications are off. Check your connection and try again.";

/** A failure the switch shows as it is. */
export class PushSetupError extends Error {
  override name = 'PushSetupError';
}

export type PushSupport = 'supported' | 'unsupported' | 'blocked';

type PushGlobals = {
  navigator?: { serviceWorker?: unknown };
  PushManager?: unknown;
  Notification?: { permission: NotificationPermission };
};

/** Whether this browser can push at all, and whether the person blocked it for this site. */
export function pushSupport(globals: PushGlobals | undefined = globalThis): PushSupport {
  if (!globals?.navigator?.serviceWorker || !globals.PushManager || !globals.Notification)
    return 'unsupported';
  return globals.Notification.permission === 'denied' ? 'blocked' : 'supported';
}

/** On when this browser holds a subscription and the server has it for the signed-in person. */
export async function isPushEnabled(): Promise<boolean> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription || Notification.permission !== 'granted') return false;
  const { subscriptions } = await callEndpoint(listPushSubscriptionsEndpoint);
  return subscriptions.some((s) => s.endpoint === subscription.endpoint);
}

export async function enablePush(): Promise<void> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new PushSetupError(BLOCKED_MESSAGE);
  if (permission !== 'granted') throw new PushSetupError(DISMISSED_MESSAGE);

  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
  // subscribe() needs an active worker; `ready` waits for the first install to finish.
  const registration = await navigator.serviceWorker.ready;
  const { publicKey } = await callEndpoint(getPushPublicKeyEndpoint);
  const applicationServerKey = base64urlToBytes(publicKey);

  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription.options.applicationServerKey, applicationServerKey)) {
    // Made with another server key (the keys were rotated): it can never receive our pushes.
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await subscribe(registration, applicationServerKey);
  try {
    await callEndpoint(createPushSubscriptionEndpoint, { body: subscriptionBody(subscription) });
  } catch (error) {
    if (!(error instanceof ApiClientError && error.status === 409)) throw error;
    // This browser's endpoint is still held by another account that used it (an endpoint stays
    // with whoever registered it). A fresh endpoint is this person's own; the old one stops
    // working, and the server drops it when the push service says so.
    await subscription.unsubscribe();
    subscription = await subscribe(registration, applicationServerKey);
    await callEndpoint(createPushSubscriptionEndpoint, { body: subscriptionBody(subscription) });
  }
}

async function subscribe(
  registration: ServiceWorkerRegistration,
  applicationServerKey: Uint8Array<ArrayBuffer>,
): Promise<PushSubscription> {
  try {
    return await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError')
      throw new PushSetupError(BLOCKED_MESSAGE);
    throw new PushSetupError(PUSH_SERVICE_MESSAGE);
  }
}

export async function disablePush(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  const { endpoint } = subscription;
  // The browser first, so pushes stop even if the server cannot be told right now (it then
  // deletes the subscription itself when the push service answers 410).
  await subscription.unsubscribe();
  try {
    await callEndpoint(deletePushSubscriptionEndpoint, { body: { endpoint } });
  } catch (error) {
    if (!(error instanceof ApiClientError && error.status === 404)) throw error;
  }
}

/** toJSON() types every key optional; what is missing is sent empty and the server refuses it. */
function subscriptionBody(subscription: PushSubscription): PushSubscriptionBody {
  const json = subscription.toJSON();
  return {
    endpoint: json.endpoint ?? subscription.endpoint,
    expirationTime: json.expirationTime ?? null,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  };
}

export function base64urlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array<ArrayBuffer>): boolean {
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === wanted.length && bytes.every((b, i) => b === wanted[i]);
}
