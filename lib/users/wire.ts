import { z } from 'zod';

/** What the API says about people (built by lib/users/present.ts). Times are ISO strings. */
export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  image: z.string().nullable().describe('Avatar URL, or null for generated initials'),
  statusText: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const publicUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string().nullable(),
});

export const meResponseSchema = z.object({ user: meSchema });

export const usersResponseSchema = z.object({
  users: z.array(publicUserSchema),
  nextCursor: z.string().nullable(),
});
