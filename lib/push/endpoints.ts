import { z } from 'zod';

import { defineEndpoint, okResponseSchema } from '@/lib/api/endpoint';

import {
  pushPublicKeyResponseSchema,
  pushSubscriptionBodySchema,
  pushSubscriptionsResponseSchema,
  pushSubscriptionWireSchema,
  pushUnsubscribeBodySchema,
} from './schemas';

/** Web push: the VAPID key browsers subscribe with, and the subscriptions pushes go to. */

export const getPushPublicKeyEndpoint = defineEndpoint({
  operationId: 'getPushPublicKey',
  method: 'GET',
  path: '/api/v1/push/public-key',
  tag: 'Push',
  summary: 'The VAPID public key to pass to pushManager.subscribe as applicationServerKey',
  auth: 'session-or-token',
  responses: { 200: { description: 'Public key', schema: pushPublicKeyResponseSchema } },
});

export const listPushSubscriptionsEndpoint = defineEndpoint({
  operationId: 'listPushSubscriptions',
  method: 'GET',
  path: '/api/v1/push/subscriptions',
  tag: 'Push',
  summary: "The caller's push subscriptions (browsers that receive notifications)",
  auth: 'session-or-token',
  responses: { 200: { description: 'Subscriptions', schema: pushSubscriptionsResponseSchema } },
});

export const createPushSubscriptionEndpoint = defineEndpoint({
  operationId: 'createPushSubscription',
  method: 'POST',
  path: '/api/v1/push/subscriptions',
  tag: 'Push',
  summary: 'Save a browser subscription (the body of PushSubscription.toJSON())',
  auth: 'session-or-token',
  body: pushSubscriptionBodySchema,
  responses: {
    201: { description: 'Saved', schema: z.object({ subscription: pushSubscriptionWireSchema }) },
  },
  rateLimit: {
    name: 'push:subscribe',
    rule: { limit: 10, windowMs: 60_000 },
    what: 'push subscription changes',
  },
});

export const deletePushSubscriptionEndpoint = defineEndpoint({
  operationId: 'deletePushSubscription',
  method: 'DELETE',
  path: '/api/v1/push/subscriptions',
  tag: 'Push',
  summary: "Delete one of the caller's push subscriptions by endpoint",
  auth: 'session-or-token',
  body: pushUnsubscribeBodySchema,
  responses: { 200: { description: 'Deleted', schema: okResponseSchema } },
  errors: { not_found: 'No subscription of yours has that endpoint' },
});
