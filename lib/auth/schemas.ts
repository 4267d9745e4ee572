import { z } from 'zod';

import { isReservedName, normaliseDisplayName } from './display-name';
import { codeSchema } from './two-factor/schemas';

/**
 * Account schemas: the same ones validate the forms in the browser and the routes on the server.
 * Emails are trimmed and lower-cased before anything compares or stores them.
 */
export const emailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .toLowerCase()
  .min(1, 'Email is required')
  .max(254, 'Email is too long')
  .pipe(z.email({ error: 'Enter a valid email address' }));

export const passwordSchema = z
  .string({ error: 'Password is required' })
  .min(8, 'Password must be at least 8 characters')
  .max(128, 'Password must be at most 128 characters');

/**
 * The one display-name schema (sign-up, profile changes, names from OAuth providers): normalised
 * and cleaned by lib/auth/display-name.ts, and never the assistant's name.
 */
export const nameSchema = z
  .string({ error: 'Name is required' })
  .transform(normaliseDisplayName)
  .pipe(
    z
      .string()
      .min(1, 'Name is required')
      .max(80, 'Name must be at most 80 characters')
      .refine((name) => !isReservedName(name), 'That name is reserved. Choose another.'),
  );

export const statusTextSchema = z.string().trim().max(140, 'Status must be at most 140 characters');

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Sign-in checks only shape: a length rule here would tell an attacker which passwords cannot exist. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'Password is required' })
    .min(1, 'Password is required')
    .max(1024, 'Password is too long'),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** POST /auth/token: a script cannot do a second step, so the two-factor code comes along. */
export const tokenSignInSchema = signInSchema.extend({ code: codeSchema.optional() });

export const updateMeSchema = z
  .object({
    name: nameSchema.optional(),
    // An empty status clears it.
    statusText: statusTextSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.statusText !== undefined, {
    error: 'Send name or statusText',
  });
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

export const tokenNameSchema = z.object({
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required')
    .max(60, 'Name must be at most 60 characters'),
});
