import { z } from 'zod';

export const usersQuerySchema = z.object({
  query: z.string().trim().max(100, 'query must be at most 100 characters').default(''),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** PATCH /me/privacy: who may find the caller. */
export const privacySchema = z
  .object({ findableByEmail: z.boolean({ error: 'findableByEmail must be true or false' }) })
  .strict();
