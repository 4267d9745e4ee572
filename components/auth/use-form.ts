'use client';

import { useState } from 'react';
import type { z } from 'zod';

import { ApiClientError } from '@/lib/api/client';
import { fieldErrors } from '@/lib/api/validate';

/**
 * Form state for a zod-validated form: the same schema checks in the browser (instant, per field)
 * and on the server (whose field errors and message are shown the same way).
 */
export function useForm<S extends z.ZodType>(
  schema: S,
  submit: (values: z.infer<S>) => Promise<void>,
) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setMessage(null);
      return;
    }
    setErrors({});
    setMessage(null);
    setPending(true);
    try {
      await submit(parsed.data);
    } catch (error) {
      if (error instanceof ApiClientError) {
        setErrors(error.fields);
        setMessage(error.message);
      } else {
        setMessage('Something went wrong. Try again.');
      }
    } finally {
      setPending(false);
    }
  }

  return { errors, message, pending, onSubmit, setMessage };
}
