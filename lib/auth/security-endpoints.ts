import { defineEndpoint, okResponseSchema } from '@/lib/api/endpoint';
import { idParamsSchema } from '@/lib/api/params';

import { twoFactorCodeSchema } from './two-factor/schemas';
import {
  recoveryCodesSchema,
  sessionsResponseSchema,
  twoFactorEnrolmentSchema,
  twoFactorOffSchema,
  twoFactorStatusSchema,
} from './wire';

/** Two-factor sign-in and the caller's signed-in browsers (Settings → Security). */

export const getTwoFactorEndpoint = defineEndpoint({
  operationId: 'getTwoFactor',
  method: 'GET',
  path: '/api/v1/me/two-factor',
  tag: 'Security',
  summary: 'Whether two-factor sign-in is on, and how many recovery codes are left',
  auth: 'session-or-token',
  responses: { 200: { description: 'Status', schema: twoFactorStatusSchema } },
});

export const startTwoFactorEndpoint = defineEndpoint({
  operationId: 'startTwoFactor',
  method: 'POST',
  path: '/api/v1/me/two-factor',
  tag: 'Security',
  summary: 'Start setting up two-factor sign-in: a new secret and its QR code',
  auth: 'session-or-token',
  responses: {
    201: { description: 'Started; confirm with a code', schema: twoFactorEnrolmentSchema },
  },
  rateLimit: {
    name: 'me:two-factor',
    rule: { limit: 10, windowMs: 15 * 60_000 },
    what: 'two-factor set-ups',
  },
  errors: { conflict: 'Two-factor sign-in is already on' },
});

export const confirmTwoFactorEndpoint = defineEndpoint({
  operationId: 'confirmTwoFactor',
  method: 'POST',
  path: '/api/v1/me/two-factor/confirm',
  tag: 'Security',
  summary: 'Turn two-factor sign-in on with a code from the app; answers the recovery codes once',
  auth: 'session-or-token',
  body: twoFactorCodeSchema,
  responses: { 200: { description: 'On', schema: recoveryCodesSchema } },
  errors: {
    unauthorized: 'Not signed in, or the code is wrong',
    conflict: 'Set-up was not started, or two-factor sign-in is already on',
    rate_limited: 'Too many wrong codes; see Retry-After',
  },
});

export const disableTwoFactorEndpoint = defineEndpoint({
  operationId: 'disableTwoFactor',
  method: 'POST',
  path: '/api/v1/me/two-factor/disable',
  tag: 'Security',
  summary: 'Turn two-factor sign-in off (needs a current code or a recovery code)',
  auth: 'session-or-token',
  body: twoFactorCodeSchema,
  responses: { 200: { description: 'Off', schema: twoFactorOffSchema } },
  errors: {
    unauthorized: 'Not signed in, or the code is wrong',
    conflict: 'Two-factor sign-in is not on',
    rate_limited: 'Too many wrong codes; see Retry-After',
  },
});

export const listSessionsEndpoint = defineEndpoint({
  operationId: 'listSessions',
  method: 'GET',
  path: '/api/v1/me/sessions',
  tag: 'Security',
  summary: "The caller's signed-in browsers, most recently seen first",
  auth: 'session-or-token',
  responses: { 200: { description: 'Sessions', schema: sessionsResponseSchema } },
});

export const revokeSessionEndpoint = defineEndpoint({
  operationId: 'revokeSession',
  method: 'DELETE',
  path: '/api/v1/me/sessions/{id}',
  tag: 'Security',
  summary: "Sign one of the caller's browsers out",
  auth: 'session-or-token',
  params: idParamsSchema,
  responses: { 200: { description: 'Signed out', schema: okResponseSchema } },
});
