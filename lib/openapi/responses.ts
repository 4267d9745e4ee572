import { z } from 'zod';

/** Response shapes, for the OpenAPI document (routes build them with lib/users/present.ts). */
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

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code, e.g. validation_failed'),
    message: z.string().describe('What went wrong and what to do next'),
    fields: z.record(z.string(), z.string()).optional().describe('Per-field messages for 422s'),
  }),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  uptime: z.number(),
  version: z.string(),
  checks: z.record(
    z.string(),
    z.object({
      status: z.enum(['up', 'down']),
      latencyMs: z.number(),
      error: z.string().optional(),
    }),
  ),
});
