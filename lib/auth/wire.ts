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
