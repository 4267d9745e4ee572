import { z } from 'zod';

/** A six-digit authenticator code or a recovery code (xxxxx-xxxxx); checked further on the server. */
export const codeSchema = z
  .string({ error: 'Enter the code' })
  .trim()
  .min(6, 'Enter the 6-digit code from your app, or a recovery code')
  .max(32, 'That code is too long');

export const twoFactorCodeSchema = z.object({ code: codeSchema });

export const twoFactorSignInSchema = z.object({
  challenge: z.string().min(1).max(2048),
  code: codeSchema,
});
export type TwoFactorSignInInput = z.infer<typeof twoFactorSignInSchema>;
