import { z } from 'zod';

import { twoFactorCodeSchema, twoFactorSignInSchema } from '@/lib/auth/two-factor/schemas';
import {
  privacyResponseSchema,
  recoveryCodesSchema,
  sessionsResponseSchema,
  twoFactorEnrolmentSchema,
  twoFactorStatusSchema,
} from '@/lib/auth/wire';
import { privacySchema } from '@/lib/users/schemas';

import type { Operation } from './operations';
import { meSchema } from './responses';

/** Two-factor sign-in, signed-in sessions and privacy. */
export const accountSecurityOperations: Operation[] = [
  {
    method: 'post',
    path: '/auth/signin/two-factor',
    tag: 'Auth',
    summary:
      'Second step of a two-factor sign-in: the challenge and a code (sets the session cookie)',
    auth: false,
    body: twoFactorSignInSchema,
    response: { status: 200, schema: z.object({ user: meSchema }), description: 'Signed in' },
    errors: [400, 401, 413, 415, 422, 429],
  },
  {
    method: 'get',
    path: '/me/two-factor',
    tag: 'Security',
    summary: 'Whether two-factor sign-in is on, and how many recovery codes are left',
    auth: true,
    response: { status: 200, schema: twoFactorStatusSchema, description: 'Status' },
    errors: [401],
  },
  {
    method: 'post',
    path: '/me/two-factor',
    tag: 'Security',
    summary: 'Start setting up two-factor sign-in: a new secret and its QR code',
    auth: true,
    response: {
      status: 201,
      schema: twoFactorEnrolmentSchema,
      description: 'Started; confirm with a code',
    },
    errors: [401, 409, 429],
  },
  {
    method: 'post',
    path: '/me/two-factor/confirm',
    tag: 'Security',
    summary: 'Turn two-factor sign-in on with a code from the app; answers the recovery codes once',
    auth: true,
    body: twoFactorCodeSchema,
    response: { status: 200, schema: recoveryCodesSchema, description: 'On' },
    errors: [400, 401, 409, 413, 415, 422, 429],
  },
  {
    method: 'post',
    path: '/me/two-factor/disable',
    tag: 'Security',
    summary: 'Turn two-factor sign-in off (needs a current code or a recovery code)',
    auth: true,
    body: twoFactorCodeSchema,
    response: { status: 200, schema: z.object({ enabled: z.literal(false) }), description: 'Off' },
    errors: [400, 401, 409, 413, 415, 422, 429],
  },
  {
    method: 'get',
    path: '/me/sessions',
    tag: 'Security',
    summary: "The caller's signed-in browsers, most recently seen first",
    auth: true,
    response: { status: 200, schema: sessionsResponseSchema, description: 'Sessions' },
    errors: [401],
  },
  {
    method: 'delete',
    path: '/me/sessions/{id}',
    tag: 'Security',
    summary: 'Sign one of the caller’s browsers out',
    auth: true,
    response: { status: 200, schema: z.object({ ok: z.literal(true) }), description: 'Signed out' },
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/me/privacy',
    tag: 'Security',
    summary: "The caller's privacy settings",
    auth: true,
    response: { status: 200, schema: privacyResponseSchema, description: 'Settings' },
    errors: [401],
  },
  {
    method: 'patch',
    path: '/me/privacy',
    tag: 'Security',
    summary: 'Let people find the caller by their full email address, or not (the default)',
    auth: true,
    body: privacySchema,
    response: { status: 200, schema: privacyResponseSchema, description: 'Saved' },
    errors: [400, 401, 413, 415, 422, 429],
  },
];
