import type { z } from 'zod';

import { ApiError, type FieldErrors } from './errors';

/** Turns zod issues into one message per field (the first one wins), keyed by dotted path. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'params',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  const summary = Object.entries(fields)
    .map(([k, v]) => (k === '_' ? v : `${k}: ${v}`))
    .join('; ');
  // A body that parsed as JSON but breaks the rules is 422; a malformed URL is a plain 400.
  if (where === 'body')
    throw new ApiError('validation_failed', `Please fix: ${summary}`, { fields });
  throw new ApiError('bad_request', `Invalid ${where}: ${summary}`, { fields });
}
