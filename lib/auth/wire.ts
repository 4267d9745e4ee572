import { z } from 'zod';

import { meSchema } from '@/lib/users/wire';

/** What the API says about API tokens (never the secret, except once when it is created). */
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});

export const tokensResponseSchema = z.object({ tokens: z.array(apiTokenSchema) });
export const createdTokenResponseSchema = apiTokenSchema.extend({ token: z.string() });
export const signInTokenResponseSchema = z.object({ token: z.string(), user: meSchema });

/**
 * What the account-security endpoints answer: the browser parses with these, the OpenAPI
 * document describes with them.
 */
export const twoFactorChallengeSchema = z.object({
  twoFactorRequired: z.literal(true),
  /** Proof of the password for POST /auth/signin/two-factor; valid 5 minutes. */
  challenge: z.string(),
});

export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  pending: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

export const twoFactorEnrolmentSchema = z.object({
  /** Base32, for typing into an app that cannot scan; shown once. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The QR code of otpauthUri as a PNG data URL. */
  qrCode: z.string(),
});

export type TwoFactorEnrolment = z.infer<typeof twoFactorEnrolmentSchema>;

export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const twoFactorOffSchema = z.object({ enabled: z.literal(false) });

export const sessionWireSchema = z.object({
  id: z.string(),
  browser: z.string(),
  os: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export type SessionWire = z.infer<typeof sessionWireSchema>;
export const sessionsResponseSchema = z.object({ sessions: z.array(sessionWireSchema) });

export const privacyResponseSchema = z.object({ findableByEmail: z.boolean() });
