import { z } from 'zod';

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
