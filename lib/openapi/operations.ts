import { z } from 'zod';

import {
  signInSchema,
  signUpSchema,
  tokenNameSchema,
  tokenSignInSchema,
  updateMeSchema,
} from '@/lib/auth/schemas';
import { twoFactorChallengeSchema } from '@/lib/auth/wire';
import { roomTokenRequestSchema } from '@/lib/realtime/schemas';
import { usersQuerySchema } from '@/lib/users/schemas';

import { accountSecurityOperations } from './account-security-operations';
import { chatOperations } from './chat-operations';
import { jobOperations } from './job-operations';
import { notificationOperations } from './notification-operations';
import { pushOperations } from './push-operations';
import { apiTokenSchema, meSchema, publicUserSchema } from './responses';

export type Operation = {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** false: no session or token needed. */
  auth: boolean;
  body?: z.ZodType;
  multipart?: { field: string; description: string };
  query?: z.ZodObject;
  response: { status: number; schema?: z.ZodType; description: string };
  errors: number[];
};

const user = z.object({ user: meSchema });

/** Every /api/v1 operation, described with the same zod schemas the routes validate with. */
export const operations: Operation[] = [
  {
    method: 'post',
    path: '/auth/signup',
    tag: 'Auth',
    summary: 'Create an account and sign in (sets the session cookie)',
    auth: false,
    body: signUpSchema,
    response: { status: 201, schema: user, description: 'Created' },
    errors: [400, 409, 413, 415, 422, 429],
  },
  {
    method: 'post',
    path: '/auth/signin',
    tag: 'Auth',
    summary:
      'Sign in with email and password (sets the session cookie), or get a two-factor challenge',
    auth: false,
    body: signInSchema,
    response: {
      status: 200,
      schema: z.union([user, twoFactorChallengeSchema]),
      description: 'Signed in, or (two-factor on) a challenge for /auth/signin/two-factor',
    },
    errors: [400, 401, 413, 415, 422, 429],
  },
  {
    method: 'post',
    path: '/auth/token',
    tag: 'Auth',
    summary:
      'Exchange email and password (and the two-factor code when on) for a personal API token',
    auth: false,
    body: tokenSignInSchema,
    response: {
      status: 201,
      schema: z.object({ token: z.string(), user: meSchema }),
      description: 'Token created; shown once',
    },
    errors: [400, 401, 409, 413, 415, 422, 429],
  },
  {
    method: 'post',
    path: '/auth/signout-all',
    tag: 'Auth',
    summary: 'End every session of the caller on every device',
    auth: true,
    response: {
      status: 200,
      schema: z.object({ ok: z.literal(true) }),
      description: 'Signed out everywhere',
    },
    errors: [401],
  },
  {
    method: 'get',
    path: '/me',
    tag: 'Profile',
    summary: 'The caller',
    auth: true,
    response: { status: 200, schema: user, description: 'The caller' },
    errors: [401],
  },
  {
    method: 'patch',
    path: '/me',
    tag: 'Profile',
    summary: 'Change name or status',
    auth: true,
    body: updateMeSchema,
    response: { status: 200, schema: user, description: 'Updated' },
    errors: [400, 401, 413, 415, 422, 429],
  },
  {
    method: 'post',
    path: '/me/avatar',
    tag: 'Profile',
    summary: 'Upload an avatar (PNG, JPEG, WebP or GIF, at most 2 MB; re-encoded to 256 px)',
    auth: true,
    multipart: { field: 'file', description: 'The image' },
    response: { status: 200, schema: user, description: 'Updated' },
    errors: [400, 401, 413, 415, 422, 429],
  },
  {
    method: 'delete',
    path: '/me/avatar',
    tag: 'Profile',
    summary: 'Remove the avatar',
    auth: true,
    response: { status: 200, schema: user, description: 'Removed' },
    errors: [401, 429],
  },
  {
    method: 'get',
    path: '/users',
    tag: 'People',
    summary: 'Find people by name or email prefix',
    auth: true,
    query: usersQuerySchema,
    response: {
      status: 200,
      schema: z.object({ users: z.array(publicUserSchema), nextCursor: z.string().nullable() }),
      description: 'A page of people',
    },
    errors: [400, 401, 429],
  },
  {
    method: 'get',
    path: '/users/{id}/avatar',
    tag: 'People',
    summary: "A person's avatar image",
    auth: true,
    response: { status: 200, description: 'image/webp' },
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/tokens',
    tag: 'API tokens',
    summary: "The caller's API tokens",
    auth: true,
    response: {
      status: 200,
      schema: z.object({ tokens: z.array(apiTokenSchema) }),
      description: 'Tokens (never the secret)',
    },
    errors: [401],
  },
  {
    method: 'post',
    path: '/tokens',
    tag: 'API tokens',
    summary: 'Create a named API token',
    auth: true,
    body: tokenNameSchema,
    response: {
      status: 201,
      schema: apiTokenSchema.extend({ token: z.string() }),
      description: 'Created; the token is shown once',
    },
    errors: [400, 401, 409, 413, 415, 422, 429],
  },
  {
    method: 'delete',
    path: '/tokens/{id}',
    tag: 'API tokens',
    summary: 'Revoke an API token',
    auth: true,
    response: { status: 200, schema: z.object({ ok: z.literal(true) }), description: 'Revoked' },
    errors: [400, 401, 404],
  },
  {
    method: 'post',
    path: '/realtime/token',
    tag: 'Realtime',
    summary: 'A short-lived token for a PartyKit room',
    auth: true,
    body: roomTokenRequestSchema,
    response: {
      status: 200,
      schema: z.object({
        token: z.string(),
        host: z.string(),
        party: z.string(),
        roomId: z.string(),
        expiresAt: z.iso.datetime(),
      }),
      description: 'Room token',
    },
    errors: [400, 401, 413, 415, 422, 429],
  },
  ...chatOperations,
  ...jobOperations,
  ...notificationOperations,
  ...pushOperations,
  ...accountSecurityOperations,
];
