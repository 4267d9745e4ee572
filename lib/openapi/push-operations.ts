import { z } from 'zod';

import {
  pushPublicKeyResponseSchema,
  pushSubscriptionBodySchema,
  pushSubscriptionsResponseSchema,
  pushSubscriptionWireSchema,
  pushUnsubscribeBodySchema,
} from '@/lib/push/schemas';

import type { Operation } from './operations';

/** Web push: the VAPID key browsers subscribe with, and the subscriptions pushes go to. */
export const pushOperations: Operation[] = [
  {
    method: 'get',
    path: '/push/public-key',
    tag: 'Push',
    summary: 'The VAPID public key to pass to pushManager.subscribe as applicationServerKey',
    auth: true,
    response: { status: 200, schema: pushPublicKeyResponseSchema, description: 'Public key' },
    errors: [401],
  },
  {
    method: 'get',
    path: '/push/subscriptions',
    tag: 'Push',
    summary: "The caller's push subscriptions (browsers that receive notifications)",
    auth: true,
    response: {
      status: 200,
      schema: pushSubscriptionsResponseSchema,
      description: 'Subscriptions',
    },
    errors: [401],
  },
  {
    method: 'post',
    path: '/push/subscriptions',
    tag: 'Push',
    summary: 'Save a browser subscription (the body of PushSubscription.toJSON())',
    auth: true,
    body: pushSubscriptionBodySchema,
    response: {
      status: 201,
      schema: z.object({ subscription: pushSubscriptionWireSchema }),
      description: 'Saved',
    },
    errors: [400, 401, 413, 415, 422, 429],
  },
  {
    method: 'delete',
    path: '/push/subscriptions',
    tag: 'Push',
    summary: "Delete one of the caller's push subscriptions by endpoint",
    auth: true,
    body: pushUnsubscribeBodySchema,
    response: { status: 200, schema: z.object({ ok: z.literal(true) }), description: 'Deleted' },
    errors: [400, 401, 404, 413, 415, 422],
  },
];
