'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { callEndpoint } from '@/lib/api/client';
import { signUpEndpoint } from '@/lib/auth/endpoints';
import { signUpSchema } from '@/lib/auth/schemas';

import { FormAlert } from './form-alert';
import { useForm } from './use-form';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const form = useForm(signUpSchema, async (values) => {
    await callEndpoint(signUpEndpoint, { body: values });
    router.replace(callbackUrl);
    router.refresh();
  });
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-label="Create an account"
    >
      <FormAlert message={form.message} />
      <Input label="Name" name="name" autoComplete="name" required error={form.errors.name} />
      <Input
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={form.errors.email}
      />
      <Input
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        error={form.errors.password}
      />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? 'Creating account…' : 'Create account'}
      </Button>
      <p className="text-sm text-muted">
        Already have an account?{' '}
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="text-accent underline"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
