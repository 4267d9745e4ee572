import { defineEndpoint, okResponseSchema } from '@/lib/api/endpoint';
import { idParamsSchema } from '@/lib/api/params';
import { meResponseSchema } from '@/lib/users/wire';

import { signInSchema, signUpSchema, tokenNameSchema } from './schemas';
import {
  createdTokenResponseSchema,
  signInTokenResponseSchema,
  tokensResponseSchema,
} from './wire';
/** Accounts, sessions and personal API tokens. */

export const signUpEndpoint = defineEndpoint({
  operationId: 'signUp',
  method: 'POST',
  path: '/api/v1/auth/signup',
  tag: 'Auth',
  summary: 'Create an account and sign in (sets the session cookie)',
  auth: 'none',
  body: signUpSchema,
  responses: { 201: { description: 'Created', schema: meResponseSchema } },
  errors: {
    conflict: 'An account with that email exists',
    rate_limited: 'Too many sign-ups from this address; see Retry-After',
  },
});

export const signInEndpoint = defineEndpoint({
  operationId: 'signIn',
  method: 'POST',
  path: '/api/v1/auth/signin',
  tag: 'Auth',
  summary: 'Sign in with email and password (sets the session cookie)',
  auth: 'none',
  body: signInSchema,
  responses: { 200: { description: 'Signed in', schema: meResponseSchema } },
  errors: {
    unauthorized: 'Wrong email or password',
    rate_limited: 'Too many failed sign-ins for the account or address; see Retry-After',
  },
});

export const createSignInTokenEndpoint = defineEndpoint({
  operationId: 'createSignInToken',
  method: 'POST',
  path: '/api/v1/auth/token',
  tag: 'Auth',
  summary: 'Exchange email and password for a personal API token',
  auth: 'none',
  body: signInSchema,
  responses: {
    201: { description: 'Token created; shown once', schema: signInTokenResponseSchema },
  },
  errors: {
    unauthorized: 'Wrong email or password',
    conflict: 'The account has as many tokens as it may hold',
    rate_limited: 'Too many failed sign-ins for the account or address; see Retry-After',
  },
});

export const signOutAllEndpoint = defineEndpoint({
  operationId: 'signOutEverywhere',
  method: 'POST',
  path: '/api/v1/auth/signout-all',
  tag: 'Auth',
  summary: 'End every session of the caller on every device',
  auth: 'session-or-token',
  responses: { 200: { description: 'Signed out everywhere', schema: okResponseSchema } },
});

export const listTokensEndpoint = defineEndpoint({
  operationId: 'listApiTokens',
  method: 'GET',
  path: '/api/v1/tokens',
  tag: 'API tokens',
  summary: "The caller's API tokens",
  auth: 'session-or-token',
  responses: { 200: { description: 'Tokens (never the secret)', schema: tokensResponseSchema } },
});

export const createTokenEndpoint = defineEndpoint({
  operationId: 'createApiToken',
  method: 'POST',
  path: '/api/v1/tokens',
  tag: 'API tokens',
  summary: 'Create a named API token',
  auth: 'session-or-token',
  body: tokenNameSchema,
  responses: {
    201: { description: 'Created; the token is shown once', schema: createdTokenResponseSchema },
  },
  rateLimit: { name: 'tokens:create', rule: { limit: 10, windowMs: 60_000 }, what: 'new tokens' },
  errors: { conflict: 'The account has as many tokens as it may hold' },
});

export const revokeTokenEndpoint = defineEndpoint({
  operationId: 'revokeApiToken',
  method: 'DELETE',
  path: '/api/v1/tokens/{id}',
  tag: 'API tokens',
  summary: 'Revoke an API token',
  auth: 'session-or-token',
  params: idParamsSchema,
  responses: { 200: { description: 'Revoked', schema: okResponseSchema } },
});
