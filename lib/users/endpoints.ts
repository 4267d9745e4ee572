import { defineEndpoint } from '@/lib/api/endpoint';
import { idParamsSchema } from '@/lib/api/params';
import { updateMeSchema } from '@/lib/auth/schemas';

import { usersQuerySchema } from './schemas';
import { meResponseSchema, usersResponseSchema } from './wire';

/** The caller's profile and avatar, and finding people. */

export const getMeEndpoint = defineEndpoint({
  operationId: 'getMe',
  method: 'GET',
  path: '/api/v1/me',
  tag: 'Profile',
  summary: 'The caller',
  auth: 'session-or-token',
  responses: { 200: { description: 'The caller', schema: meResponseSchema } },
});

export const updateMeEndpoint = defineEndpoint({
  operationId: 'updateMe',
  method: 'PATCH',
  path: '/api/v1/me',
  tag: 'Profile',
  summary: 'Change name or status',
  auth: 'session-or-token',
  body: updateMeSchema,
  responses: { 200: { description: 'Updated', schema: meResponseSchema } },
  rateLimit: { name: 'me:update', rule: { limit: 30, windowMs: 60_000 }, what: 'profile changes' },
});

const avatarRateLimit = {
  name: 'me:avatar',
  rule: { limit: 10, windowMs: 60_000 },
  what: 'avatar changes',
};

export const uploadAvatarEndpoint = defineEndpoint({
  operationId: 'uploadAvatar',
  method: 'POST',
  path: '/api/v1/me/avatar',
  tag: 'Profile',
  summary: 'Upload an avatar (PNG, JPEG, WebP or GIF, at most 2 MB; re-encoded to 256 px)',
  auth: 'session-or-token',
  multipart: { field: 'file', description: 'The image' },
  responses: { 200: { description: 'Updated', schema: meResponseSchema } },
  rateLimit: avatarRateLimit,
});

export const deleteAvatarEndpoint = defineEndpoint({
  operationId: 'deleteAvatar',
  method: 'DELETE',
  path: '/api/v1/me/avatar',
  tag: 'Profile',
  summary: 'Remove the avatar',
  auth: 'session-or-token',
  responses: { 200: { description: 'Removed', schema: meResponseSchema } },
  rateLimit: avatarRateLimit,
});

export const searchUsersEndpoint = defineEndpoint({
  operationId: 'searchUsers',
  method: 'GET',
  path: '/api/v1/users',
  tag: 'People',
  summary: 'Find people by name or email prefix',
  auth: 'session-or-token',
  query: usersQuerySchema,
  responses: { 200: { description: 'A page of people', schema: usersResponseSchema } },
  rateLimit: { name: 'users:search', rule: { limit: 60, windowMs: 60_000 }, what: 'searches' },
});

export const getUserAvatarEndpoint = defineEndpoint({
  operationId: 'getUserAvatar',
  method: 'GET',
  path: '/api/v1/users/{id}/avatar',
  tag: 'People',
  summary: "A person's avatar image",
  auth: 'session-or-token',
  params: idParamsSchema,
  responses: { 200: { description: 'The image', contentType: 'image/webp' } },
});
